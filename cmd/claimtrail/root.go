package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/config"
)

// Exit statuses; documented in README.md.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// globals is what every command shares: the global flags, the loaded
// configuration and the process's surroundings, injectable for tests.
// A command reads g.cfg (never the flag fields: the configuration already
// merged them with the environment and the file) and writes to g.stdout.
type globals struct {
	// Global flag values, as parsed; config.Load reads the changed ones.
	configFile string
	format     string
	quiet      bool
	verbose    bool

	// cfg is loaded before a command's RunE runs.
	cfg *config.Config

	stdin          io.Reader
	stdout, stderr io.Writer
	// lookupEnv and environ read the environment; workDir is where
	// ./claimtrail.yaml is looked for ("" = the working directory).
	lookupEnv func(string) (string, bool)
	environ   func() []string
	workDir   string
	// Now is the clock, for commands that stamp what they store.
	Now func() time.Time
}

func newGlobals(stdin io.Reader, stdout, stderr io.Writer) *globals {
	return &globals{
		stdin:     stdin,
		stdout:    stdout,
		stderr:    stderr,
		lookupEnv: os.LookupEnv,
		environ:   os.Environ,
		Now:       time.Now,
	}
}

// warn reports a problem that does not stop the command, such as one bad
// input among many.
func (g *globals) warn(err error) {
	printError(g.stderr, err)
}

// debugf prints a diagnostic when --verbose is on.
func (g *globals) debugf(format string, args ...any) {
	if g.cfg != nil && g.cfg.Verbose {
		fmt.Fprintf(g.stderr, "claimtrail: "+format+"\n", args...)
	}
}

// run executes one command line and returns the exit status. It is the one
// place where errors become statuses and messages.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := newGlobals(stdin, stdout, stderr)
	return execute(ctx, g, args)
}

func execute(ctx context.Context, g *globals, args []string) int {
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(g.stdin)
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var partial *inputsFailed
	if !errors.As(err, &partial) || g.cfg == nil || !g.cfg.Quiet {
		// Each failed input was reported already; the count is a summary.
		printError(g.stderr, err)
	}
	switch {
	case errors.Is(err, claimtrail.ErrUsage):
		if cmd == nil {
			cmd = root
		}
		fmt.Fprintf(g.stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return exitUsage
	case errors.Is(err, claimtrail.ErrConfig):
		fmt.Fprintln(g.stderr, "Settings come from flags, CLAIMTRAIL_* variables and the config file; see the Configuration section of README.md.")
	}
	return exitFailure
}

// printError writes "claimtrail: MESSAGE", one line per joined error.
func printError(w io.Writer, err error) {
	for line := range strings.SplitSeq(err.Error(), "\n") {
		if line != "" {
			fmt.Fprintf(w, "claimtrail: %s\n", line)
		}
	}
}

// usageError marks an error as the command line's fault (exit status 2)
// without changing its message.
type usageError struct{ err error }

func (e usageError) Error() string   { return e.err.Error() }
func (e usageError) Unwrap() []error { return []error{e.err, claimtrail.ErrUsage} }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// usageArgs makes cobra's argument-count errors usage errors.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// checkFormat rejects an output format the command does not write.
func checkFormat(cmd string, format string, supported ...string) error {
	if slices.Contains(supported, format) {
		return nil
	}
	return usagef("%s does not write format %q; use %s", cmd, format, strings.Join(supported, ", "))
}

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "claimtrail",
		Short: "Who said what in the news, and how it changes",
		Long: `claimtrail extracts attributed claims ("X said that ...") from Arabic and
English news, and tracks how they change across versions and outlets.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Without Args cobra reports an unknown command as a plain error;
		// with it, the error is a usage error like any other.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, " or ") + "?"
			}
			return usagef("%s", msg)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.HasParent() || cmd.Name() == "help" || strings.HasPrefix(cmd.Name(), "__") ||
				(cmd.HasParent() && cmd.Parent().Name() == "completion") {
				return nil // help and completion work whatever the configuration
			}
			fs := cmd.Flags()
			if fs.Changed("quiet") && fs.Changed("verbose") {
				return usagef("--quiet and --verbose cannot be used together")
			}
			cfg, err := config.Load(config.LoadOptions{
				File:      g.configFile,
				WorkDir:   g.workDir,
				LookupEnv: g.lookupEnv,
				Environ:   g.environ,
				Flags:     fs,
			})
			if err != nil {
				return err
			}
			g.cfg = cfg
			return nil
		},
	}
	root.SuggestionsMinimumDistance = 2
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	pf := root.PersistentFlags()
	pf.StringVar(&g.configFile, "config", "", "configuration `file` (default ./"+config.FileName+", then <user config dir>/claimtrail/config.yaml)")
	pf.StringVarP(&g.format, "format", "f", config.DefaultFormat, "output `format`: "+strings.Join(config.Formats, ", ")+" (each command says which it writes)")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "print only results and errors")
	pf.BoolVarP(&g.verbose, "verbose", "v", false, "print diagnostics on standard error")

	// commands
	root.AddCommand(
		newVersionCmd(g),
		newConfigCmd(g),
		newSegmentCmd(g),
		newExtractCmd(g),
		newIngestCmd(g), newClaimsCmd(g), newSearchCmd(g), newArticlesCmd(g), newVersionsCmd(g),
		newSourcesCmd(g),
		newMigrateCmd(g), newExportCmd(g), newImportCmd(g),
		newDiffCmd(g),
		newReportCmd(g),
		newAuditCmd(g),
		newServeCmd(g),
		newCompareCmd(g),
		newFetchCmd(g),
		newWatchCmd(g),
		newDemoServerCmd(g),
	)
	return root
}
