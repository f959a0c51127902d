package config

import (
	"errors"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// FuzzLoad feeds arbitrary bytes to the file layer of Load. It works on the
// bytes rather than through a file so that each run costs no disk write.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"", "format: json\n", "limits:\n  max_article_bytes: 16MiB\n", "lexicons: [a, b]\n",
		"jobs: 1e3\n", "limits: 5\n", "- a\n", "format: {a: 1}\n", "a: &a [*a]\n",
		"quiet: true\nverbose: false\ndb: x.db\n", "registry: reg/sources.yaml\n", "registry: [a]\n", "limits:\n  max_article_bytes: 99999999999GiB\n",
		"limits:\n  max_claims_per_article: 7\n  max_article_bytes: \"1 KiB\"\n",
	} {
		f.Add([]byte(s))
	}
	env := func(k string) (string, bool) {
		if k == "HOME" {
			return "/home/fuzz", true
		}
		return "", false
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg := defaults(env)
		origins := map[string]Origin{}
		errs := applyFile(cfg, origins, "/etc/c.yaml", data)
		if len(errs) > 0 {
			for _, err := range errs {
				if !errors.Is(err, claimtrail.ErrConfig) {
					t.Fatalf("error does not wrap ErrConfig: %v", err)
				}
			}
			return
		}
		if !slices.Contains(Formats, cfg.Format) || cfg.Jobs < 1 || cfg.Limits.MaxArticleBytes < 1 ||
			cfg.Limits.MaxClaimsPerArticle < 1 || cfg.DB == "" {
			t.Fatalf("invalid config without error: %+v", cfg)
		}
		for k, o := range origins {
			if _, ok := lookupSpec(k); !ok || o.Kind != OriginFile {
				t.Fatalf("origin %s = %v", k, o)
			}
		}
	})
}
