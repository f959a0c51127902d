package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

type versionOptions struct {
	Format string
	// Build is the build information; nil reads it from the binary.
	Build *debug.BuildInfo
}

// versionInfo is the JSON form of `claimtrail version`.
type versionInfo struct {
	Version  string `json:"version"`
	Go       string `json:"go"`
	OS       string `json:"os"`
	Arch     string `json:"arch"`
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
}

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of claimtrail and of Go it was built with",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(cmd.Context(), versionOptions{Format: g.cfg.Format}, g.stdout)
		},
	}
}

func runVersion(_ context.Context, opts versionOptions, w io.Writer) error {
	if err := checkFormat("version", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	bi := opts.Build
	if bi == nil {
		bi, _ = debug.ReadBuildInfo()
	}
	v := versionInfo{Version: "(unknown)", Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if bi != nil {
		if bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		if bi.GoVersion != "" {
			v.Go = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	switch opts.Format {
	case "json", "jsonl":
		enc := json.NewEncoder(w)
		if opts.Format == "json" {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(v)
	}
	fmt.Fprintf(w, "claimtrail %s\n", v.Version)
	fmt.Fprintf(w, "go         %s\n", v.Go)
	fmt.Fprintf(w, "platform   %s/%s\n", v.OS, v.Arch)
	if v.Commit != "" {
		dirty := ""
		if v.Modified {
			dirty = " (modified)"
		}
		fmt.Fprintf(w, "commit     %s%s %s\n", v.Commit, dirty, v.Time)
	}
	return nil
}
