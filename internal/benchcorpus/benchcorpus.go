package benchcorpus

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/claimtrail/claimtrail/ingest"
)

// Bases reads the texts to mutate: the seed, the project corpus and the
// segmentation cases under root/testdata, those with at least three lines.
func Bases(root string) ([]string, error) {
	var out []string
	r := ingest.NewReader(ingest.Options{})
	dirs := []string{"seed", "corpus", "segment"}
	for i, d := range dirs {
		dirs[i] = filepath.Join(root, "testdata", d)
	}
	for a, err := range r.Read(context.Background(), dirs...) {
		if err != nil {
			continue
		}
		if strings.Count(a.Text, "\n") >= 2 {
			out = append(out, a.Text)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no testdata to generate from under %s", root)
	}
	return out, nil
}

// Write writes n articles as JSON lines, made from bases by mutation:
// paragraphs shuffled, sentences borrowed from other articles, names
// changed between two spellings. One in ten is a new version of an earlier
// article (same id and URL, changed text), as a re-crawl gives. The same n
// and bases give the same corpus.
func Write(w io.Writer, n int, bases []string) error {
	if len(bases) == 0 {
		return fmt.Errorf("no base texts")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	// Sentences are borrowed within a script only: an Arabic article with
	// English sentences in it could read as English, and a new version
	// of an article in another language is another article (a
	// translation, see claimtrail.VersionKey), not what a re-crawl gives.
	sentences := map[bool][]string{}
	for _, t := range bases {
		ar := arabic(t)
		for _, p := range strings.Split(t, "\n") {
			for _, s := range strings.SplitAfter(p, ". ") {
				if len(s) > 40 {
					sentences[ar] = append(sentences[ar], strings.TrimSpace(s))
				}
			}
		}
	}
	for _, ar := range []bool{false, true} {
		if len(sentences[ar]) == 0 {
			sentences[ar] = []string{"No sentence."}
		}
	}
	names := [][2]string{{"سمير حداد", "خالد العمري"}, {"ليلى منصور", "هدى الشامي"}, {"Samir Haddad", "Karim Nasser"},
		{"Layla Mansour", "Rana Aziz"}, {"يحيى رسول", "عمر الجبوري"}, {"Omar Saleh", "Tariq Hamdan"}}
	outlets := []string{"The Coastal Herald", "أخبار الساحل", "الجزيرة", "Wire Service", "صحيفة المدى"}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		id := i
		if i > 10 && i%10 == 0 {
			id = rng.IntN(i)
		}
		paras := strings.Split(strings.TrimSpace(bases[id%len(bases)]), "\n\n")
		if len(paras) == 1 {
			paras = strings.Split(paras[0], "\n")
		}
		body := append([]string{}, paras[1:]...)
		rng.Shuffle(len(body), func(a, b int) { body[a], body[b] = body[b], body[a] })
		pool := sentences[arabic(bases[id%len(bases)])]
		for range 1 + rng.IntN(3) {
			k := rng.IntN(len(body) + 1)
			body = append(body[:k], append([]string{pool[rng.IntN(len(pool))]}, body[k:]...)...)
		}
		text := paras[0] + "\n\n" + strings.Join(body, "\n\n") + fmt.Sprintf("\n\n(%d)", i)
		for _, nm := range names {
			if rng.IntN(2) == 0 {
				text = strings.ReplaceAll(text, nm[0], nm[1])
			}
		}
		rec := map[string]string{
			"id":       fmt.Sprintf("gen-%d", id),
			"url":      fmt.Sprintf("https://bench.example/%d", id),
			"outlet":   outlets[id%len(outlets)],
			"story":    fmt.Sprintf("story-%d", id%200),
			"captured": start.Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
			"text":     text,
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

// arabic reports whether most letters of s are Arabic.
func arabic(s string) bool {
	ar, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			ar++
		case unicode.IsLetter(r):
			other++
		}
	}
	return ar > other
}
