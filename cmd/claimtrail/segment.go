package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/text"
)

type segmentOptions struct {
	Inputs   []string
	Format   string
	MaxBytes int64
	Stdin    io.Reader
	// Report is told about each input that could not be read; the command
	// goes on with the others.
	Report func(error)
	// Debugf prints diagnostics; nil prints nothing.
	Debugf func(format string, args ...any)
}

func newSegmentCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "segment FILE|DIR|- ...",
		Short: "Split articles into paragraphs and sentences, with offsets",
		Long: `Split articles into paragraphs and sentences and print them with their
offsets (code points into the text as read). Each argument is a text or JSON
file, a directory (read recursively), or - for standard input.

A bad input is reported on standard error and the others are still printed;
the exit status is then 1.`,
		Example: `  claimtrail segment testdata/seed/aljazeera-coalition-redeploy.ar.txt
  claimtrail segment -f json articles.jsonl
  cat story.txt | claimtrail segment -`,
		Args: needInputs("segment"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSegment(cmd.Context(), segmentOptions{
				Inputs:   args,
				Format:   g.cfg.Format,
				MaxBytes: g.cfg.Limits.MaxArticleBytes,
				Stdin:    g.stdin,
				Report:   g.warn,
				Debugf:   g.debugf,
			}, g.stdout)
		},
	}
}

// inputsFailed says how many inputs could not be read; each was reported
// already.
type inputsFailed struct{ failed, total int }

func (e *inputsFailed) Error() string {
	return fmt.Sprintf("%d of %d inputs could not be read", e.failed, e.total)
}

func runSegment(ctx context.Context, opts segmentOptions, w io.Writer) error {
	if err := checkFormat("segment", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	return eachArticle(ctx, opts.Inputs, ingest.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}, opts.Report,
		func(n int, a *claimtrail.Article) error {
			start := time.Now()
			text.Segment(a)
			if opts.Debugf != nil {
				opts.Debugf("segment %s (%s): %d paragraphs, %d sentences in %s",
					a.Path, a.ID, len(a.Paragraphs), len(a.Sentences()), time.Since(start).Round(time.Microsecond))
			}
			return writeSegmented(w, opts.Format, n, a)
		})
}

// eachArticle reads every input and hands each article to fn. A bad input
// is reported and skipped, so one broken file never hides the others; the
// count of failures is the error at the end.
func eachArticle(ctx context.Context, inputs []string, ro ingest.Options, report func(error), fn func(n int, a *claimtrail.Article) error) error {
	r := ingest.NewReader(ro)
	var failed, total int
	for a, err := range r.Read(ctx, inputs...) {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		total++
		if err != nil {
			failed++
			if report != nil {
				report(err)
			}
			continue
		}
		if err := fn(total, &a); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &inputsFailed{failed: failed, total: total}
	}
	return nil
}

// eachArticleParallel is eachArticle with the per-article work spread over
// jobs goroutines: one goroutine reads, jobs workers run work, and emit sees
// the results in input order, so the output is the same whatever jobs is.
// Read errors are reported in their place in that order.
func eachArticleParallel[R any](ctx context.Context, inputs []string, ro ingest.Options, report func(error), jobs int,
	work func(a *claimtrail.Article) R, emit func(n int, a *claimtrail.Article, r R) error) error {
	if jobs <= 1 {
		return eachArticle(ctx, inputs, ro, report, func(n int, a *claimtrail.Article) error { return emit(n, a, work(a)) })
	}
	type item struct {
		n    int
		a    claimtrail.Article
		err  error
		res  R
		done chan struct{}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// ordered holds items in input order; tasks feeds the workers. Both
	// are bounded, so reading runs at most a few articles ahead.
	ordered := make(chan *item, 4*jobs)
	tasks := make(chan *item, 2*jobs)
	go func() {
		defer close(ordered)
		defer close(tasks)
		r := ingest.NewReader(ro)
		n := 0
		for a, err := range r.Read(ctx, inputs...) {
			n++
			it := &item{n: n, a: a, err: err, done: make(chan struct{})}
			select {
			case ordered <- it:
			case <-ctx.Done():
				return
			}
			if err != nil {
				close(it.done)
				continue
			}
			select {
			case tasks <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range jobs {
		go func() {
			for it := range tasks {
				it.res = work(&it.a)
				close(it.done)
			}
		}()
	}
	var failed, total int
	for it := range ordered {
		select {
		case <-it.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		total = it.n
		if it.err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			failed++
			if report != nil {
				report(it.err)
			}
			continue
		}
		if err := emit(it.n, &it.a, it.res); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return &inputsFailed{failed: failed, total: total}
	}
	return nil
}

// segmented is the JSON form of one article: the article under its own key,
// so later commands can add claims beside it without changing its shape.
type segmented struct {
	Article *claimtrail.Article `json:"article"`
}

func writeSegmented(w io.Writer, format string, n int, a *claimtrail.Article) error {
	switch format {
	case "json", "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if format == "json" {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(segmented{Article: a})
	}
	if n > 1 {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return writeSegmentTable(w, a)
}

func spanString(s claimtrail.Span) string {
	return "[" + strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End) + "]"
}

// oneLine keeps a table row on one line; JSON keeps the text exactly.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// writeSegmentTable prints an article for people. Text goes last on each
// row so that right-to-left text cannot push the columns out of line.
func writeSegmentTable(w io.Writer, a *claimtrail.Article) error {
	var b strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "  %-9s %s\n", name, value)
		}
	}
	path := a.Path
	if path == ingest.Stdin {
		path = "- (standard input)"
	}
	b.WriteString("== " + path + "\n")
	field("id", a.ID)
	lang := a.Lang
	if lang == "" {
		lang = "unknown"
	}
	field("lang", lang)
	field("title", oneLine(a.Title))
	if len(a.SourceLine) > 0 {
		src := strings.Join(a.SourceLine, " + ")
		if a.SourceLineSpan != nil {
			src += "  " + spanString(*a.SourceLineSpan)
		}
		field("source", src)
	}
	if len(a.Credits) > 0 {
		var cs []string
		for _, c := range a.Credits {
			cs = append(cs, c.Text+" "+spanString(c.Span))
		}
		field("credits", strings.Join(cs, "; "))
	}
	if len(a.Chrome) > 0 {
		var cs []string
		for _, c := range a.Chrome {
			cs = append(cs, spanString(c))
		}
		field("chrome", strings.Join(cs, " "))
	}
	field("size", fmt.Sprintf("%d paragraphs, %d sentences, %d characters",
		len(a.Paragraphs), len(a.Sentences()), len([]rune(a.Text))))

	// Column widths from the widest index and span in this article.
	pw, sw, spw := 1, 1, 1
	for _, p := range a.Paragraphs {
		pw = max(pw, len(strconv.Itoa(p.Index)))
		spw = max(spw, len(spanString(p.Span)))
		for _, s := range p.Sentences {
			sw = max(sw, len(strconv.Itoa(s.Index)))
			spw = max(spw, len(spanString(s.Span)))
		}
	}
	kw := len("source_line")
	for _, p := range a.Paragraphs {
		kind := string(p.Kind)
		if kind == "" {
			kind = string(claimtrail.ParagraphBody)
		}
		fmt.Fprintf(&b, "\n  ¶%-*d %-*s %s\n", pw, p.Index, kw, kind, spanString(p.Span))
		for _, s := range p.Sentences {
			fmt.Fprintf(&b, "    %*d  %-*s  %s\n", sw, s.Index, spw, spanString(s.Span), oneLine(s.Text))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// needInputs is the argument check of the commands that read articles.
func needInputs(cmd string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usagef("%s needs at least one FILE, DIR or - (standard input)", cmd)
		}
		return nil
	}
}
