package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

// defaultBatch is how many articles one transaction stores: enough to
// amortise the commit, few enough that Ctrl-C or a kill loses little work.
const defaultBatch = 64

type ingestOptions struct {
	Inputs    []string
	DB        string
	Format    string
	Quiet     bool
	MaxBytes  int64
	MaxClaims int
	Lexicons  []string
	// Registry is the user's sources registry file, if any.
	Registry string
	// Jobs is how many articles are segmented and extracted at once.
	Jobs int
	// Workers is how many batches are stored at once (--workers).
	Workers int
	// Outlet, Story and Captured override what the input says.
	Outlet, Story string
	Captured      time.Time
	Batch         int
	Stdin         io.Reader
	// Progress receives a progress line on a terminal; nil prints none.
	Progress io.Writer
	Now      func() time.Time
	Report   func(error)
	Debugf   func(format string, args ...any)
}

func newIngestCmd(g *globals) *cobra.Command {
	var outlet, story, captured string
	var batch, workers int
	cmd := &cobra.Command{
		Use:   "ingest FILE|DIR|- ...",
		Short: "Read, extract and store articles; unchanged texts are skipped",
		Long: `Read articles (text, JSON, HTML or WARC files, directories recursively, - for
standard input), extract their claims, link their sources and store everything
in the database (--db or the db setting), a batch of articles per transaction.
A WARC archive gives one version per HTML page it captured, at its WARC-Date;
its revisit records and other captures are skipped and counted.

An article is keyed by its URL, or its id when it has no URL. A text already
stored under its key is skipped and counted as unchanged, so ingesting a
corpus again adds nothing; a changed text under the same key is stored as a
new version. An article without a capture time is stamped with the time of
ingest. Ctrl-C stops between articles: what was read is stored whole and
the rest is left for the next run. The jobs setting says how many articles
are extracted at once; they are linked and stored in input order.
--workers N stores N batches at once, each in its own transaction: worth it
on PostgreSQL, where several processes or machines may also ingest into one
database at the same time (an article is stored once whichever gets it first).

On a terminal, a progress line on standard error shows counts, rate and
time left. The result is a summary line (table), or the counts as one
JSON object (json, jsonl).`,
		Example: `  claimtrail ingest testdata/corpus
  claimtrail ingest --outlet "Al Jazeera" --story redeploy story.txt
  claimtrail ingest --db team.db --captured 2025-03-01T10:00:00Z captures.jsonl`,
		Args: needInputs("ingest"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := ingestOptions{
				Inputs: args, DB: g.cfg.DB, Format: g.cfg.Format, Quiet: g.cfg.Quiet, Jobs: g.cfg.Jobs,
				MaxBytes: g.cfg.Limits.MaxArticleBytes, MaxClaims: g.cfg.Limits.MaxClaimsPerArticle, Lexicons: g.cfg.Lexicons, Registry: g.cfg.Registry,
				Outlet: outlet, Story: story, Batch: batch, Workers: workers, Stdin: g.stdin, Now: g.Now, Report: g.warn, Debugf: g.debugf,
			}
			if captured != "" {
				t, err := parseWhen(captured, g.Now(), false)
				if err != nil {
					return usagef("--captured: %v", err)
				}
				opts.Captured = t
			}
			if batch < 1 {
				return usagef("--batch must be at least 1, got %d", batch)
			}
			if workers < 1 {
				return usagef("--workers must be at least 1, got %d", workers)
			}
			if f, ok := g.stderr.(*os.File); ok && !g.cfg.Quiet && isTerminal(f) {
				opts.Progress = f
			}
			return runIngest(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	fs := cmd.Flags()
	fs.StringVar(&outlet, "outlet", "", "set the outlet of every article to `NAME`")
	fs.StringVar(&story, "story", "", "set the story of every article to `NAME`")
	fs.StringVar(&captured, "captured", "", "set the capture time of every article (`WHEN`: 2025-03-01T10:00:00Z, 2025-03-01)")
	fs.IntVar(&batch, "batch", defaultBatch, "articles per transaction")
	fs.IntVar(&workers, "workers", 1, "store `N` batches at once, each in its own transaction (for PostgreSQL; SQLite takes one writer at a time)")
	return cmd
}

// isTerminal reports whether f is a terminal (a character device), where
// a progress line helps; in a pipe or a CI log it would be noise.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ingestSummary is the result of an ingest, and its JSON form.
type ingestSummary struct {
	DB          string `json:"db"`
	Read        int    `json:"read"`
	Added       int    `json:"added"`
	NewVersions int    `json:"new_versions"`
	Unchanged   int    `json:"unchanged"`
	// Failed counts articles read but refused by the store;
	// InputsFailed inputs that could not be read (each was reported).
	Failed       int  `json:"failed"`
	InputsFailed int  `json:"inputs_failed"`
	Claims       int  `json:"claims"`
	Interrupted  bool `json:"interrupted,omitempty"`
	// Skipped counts WARC records that were captures but not articles:
	// revisits, pages that are not HTML or not 200, pages without text.
	Skipped int64 `json:"skipped,omitempty"`
}

func (s *ingestSummary) count(st claimtrail.SaveStatus) {
	switch st {
	case claimtrail.Added:
		s.Added++
	case claimtrail.NewVersion:
		s.NewVersions++
	case claimtrail.Unchanged:
		s.Unchanged++
	}
}

func runIngest(ctx context.Context, opts ingestOptions, w io.Writer) error {
	if err := checkFormat("ingest", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Batch < 1 {
		opts.Batch = defaultBatch
	}
	x, err := claims.New(claims.Options{Lexicons: opts.Lexicons, MaxClaims: opts.MaxClaims})
	if err != nil {
		return fmt.Errorf("load lexicons: %w", err)
	}
	link, err := newLinker(opts)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()

	// The reader and the writer both report, and write debug lines (the
	// reader for skipped WARC records), from two goroutines to one stream.
	var logMu sync.Mutex
	if report := opts.Report; report != nil {
		opts.Report = func(err error) {
			logMu.Lock()
			defer logMu.Unlock()
			report(err)
		}
	}
	if debugf := opts.Debugf; debugf != nil {
		opts.Debugf = func(format string, args ...any) {
			logMu.Lock()
			defer logMu.Unlock()
			debugf(format, args...)
		}
	}
	sum := ingestSummary{DB: redactDSN(opts.DB)}
	var prog *progress
	if opts.Progress != nil {
		prog = newProgress(opts.Progress, inputBytes(opts.Inputs), opts.Now, &sum)
	}
	var batch []claimtrail.Record
	var mu sync.Mutex // sum and prog, when writers share them
	var pool *writerPool
	if opts.Workers > 1 {
		pool = newWriterPool(context.WithoutCancel(ctx), opts.Workers, st, &sum, prog, &mu, opts.Report)
	}
	flush := func(ctx context.Context) error {
		if len(batch) == 0 {
			return nil
		}
		if pool != nil {
			err := pool.send(slices.Clone(batch))
			batch = batch[:0]
			return err
		}
		if err := saveBatch(ctx, st, batch, &sum, opts.Report); err != nil {
			return err
		}
		batch = batch[:0]
		prog.update()
		return nil
	}
	// Reading, extraction and storing overlap: one goroutine reads, Jobs
	// goroutines segment and extract (the Extractor is safe for concurrent
	// use), and this one links and stores in input order, because linking
	// learns from the articles before (a registry that recognises in one
	// article a source named in an earlier one) and batches must be
	// deterministic.
	type item struct {
		seq int
		a   *claimtrail.Article
		cs  []claimtrail.Claim
	}
	jobs := max(1, opts.Jobs)
	in, out := make(chan item, 2*jobs), make(chan item, 2*jobs)
	rctx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	var readErr error
	go func() {
		defer close(in)
		seq := 0
		ro := ingest.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin, Skipped: func(where, why string) {
			mu.Lock()
			sum.Skipped++
			mu.Unlock()
			if opts.Debugf != nil {
				opts.Debugf("ingest %s: skipped (%s)", where, why)
			}
		}}
		readErr = eachArticle(rctx, opts.Inputs, ro, opts.Report,
			func(_ int, a *claimtrail.Article) error {
				select {
				case in <- item{seq: seq, a: a}:
					seq++
					return nil
				case <-rctx.Done():
					return rctx.Err()
				}
			})
	}()
	var workers sync.WaitGroup
	for range jobs {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for it := range in {
				applyOverrides(it.a, opts)
				text.Segment(it.a)
				it.cs = x.Extract(it.a)
				out <- it
			}
		}()
	}
	go func() { workers.Wait(); close(out) }()

	// What was read is stored whole even after an interruption, so the
	// writes do not take ctx's cancellation.
	wctx := context.WithoutCancel(ctx)
	pending := map[int]item{}
	next := 0
	var writeErr error
	for it := range out {
		if writeErr != nil {
			continue // drain, so the workers and the reader can finish
		}
		pending[it.seq] = it
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			a := it.a
			srcs := link(a, it.cs)
			a.Paragraphs = nil // segmentation is cheap to redo and not stored
			batch = append(batch, claimtrail.Record{Article: a, Claims: it.cs, Sources: srcs})
			mu.Lock()
			sum.Read++
			prog.read(len(a.Text))
			mu.Unlock()
			if opts.Debugf != nil {
				opts.Debugf("ingest %s (%s): %d claims, %d sources", a.Path, a.ID, len(it.cs), len(srcs))
			}
			if len(batch) >= opts.Batch {
				if err := flush(wctx); err != nil {
					writeErr = err
					stopReading()
					break
				}
			}
		}
	}
	err = writeErr
	if err == nil {
		err = flush(wctx)
	}
	if perr := pool.wait(); err == nil {
		err = perr
	}
	if err == nil {
		err = readErr
	}
	prog.done()
	var partial *inputsFailed
	if errors.As(err, &partial) {
		sum.InputsFailed = partial.failed
	}
	if errors.Is(err, context.Canceled) {
		sum.Interrupted = true
	}
	if !opts.Quiet || opts.Format != "table" {
		if werr := writeIngestSummary(w, opts.Format, &sum); werr != nil && err == nil {
			err = werr
		}
	}
	if sum.Interrupted {
		return fmt.Errorf("interrupted: %d articles stored whole; run the same command again to ingest the rest", sum.Added+sum.NewVersions)
	}
	return err
}

// applyOverrides sets what --outlet, --story and --captured say, and the
// time of ingest for an article that has no capture time.
func applyOverrides(a *claimtrail.Article, opts ingestOptions) {
	if opts.Outlet != "" {
		a.Outlet = opts.Outlet
	}
	if opts.Story != "" {
		a.Story = opts.Story
	}
	if !opts.Captured.IsZero() {
		a.Captured = opts.Captured
	}
	if a.Captured.IsZero() {
		a.Captured = opts.Now().UTC().Truncate(time.Second)
	}
}

// saveBatch stores a batch in one transaction. If the batch is refused,
// each article is tried alone, so one bad article costs only itself.
func saveBatch(ctx context.Context, st claimtrail.Store, batch []claimtrail.Record, sum *ingestSummary, report func(error)) error {
	out, err := st.Save(ctx, batch)
	if err == nil {
		for i, s := range out {
			sum.count(s.Status)
			if s.Status != claimtrail.Unchanged {
				sum.Claims += len(batch[i].Claims)
			}
		}
		return nil
	}
	if ctx.Err() != nil || len(batch) == 1 && !errors.Is(err, claimtrail.ErrInvalidInput) {
		return fmt.Errorf("store: %w", err)
	}
	for _, r := range batch {
		out, err := st.Save(ctx, []claimtrail.Record{r})
		if err != nil {
			if !errors.Is(err, claimtrail.ErrInvalidInput) {
				return fmt.Errorf("store: %w", err)
			}
			sum.Failed++
			if report != nil {
				report(fmt.Errorf("%s: %w", r.Article.Path, err))
			}
			continue
		}
		sum.count(out[0].Status)
		if out[0].Status != claimtrail.Unchanged {
			sum.Claims += len(r.Claims)
		}
	}
	return nil
}

func writeIngestSummary(w io.Writer, format string, s *ingestSummary) error {
	if format != "table" {
		return encodeJSON(w, format, s)
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	failed := ""
	if s.Failed > 0 {
		failed = fmt.Sprintf(", %d not stored", s.Failed)
	}
	if s.InputsFailed > 0 {
		failed += fmt.Sprintf(", %s unreadable", plural(s.InputsFailed, "input", "inputs"))
	}
	if s.Skipped > 0 {
		failed += fmt.Sprintf(", %d WARC %s skipped (revisits, not HTML, no article text; -v lists them)", s.Skipped, plural64(s.Skipped))
	}
	fmt.Fprintf(w, "%s read: %d added, %s, %d unchanged%s; %s stored in %s\n",
		plural(s.Read, "article", "articles"), s.Added, plural(s.NewVersions, "new version", "new versions"),
		s.Unchanged, failed, plural(s.Claims, "claim", "claims"), s.DB)
	if s.Read > 0 && s.Unchanged == s.Read {
		_, err := fmt.Fprintln(w, "Nothing new: every article was already stored with the same text.")
		return err
	}
	return nil
}

// linkFunc gives the claims' mentions their canonical sources (setting
// Mention.SourceID) and returns the sources they reference.
type linkFunc func(a *claimtrail.Article, cs []claimtrail.Claim) []claimtrail.Source

// newLinker builds the sources registry (built-in outlets and agencies,
// plus the user's registry file) that links every claim's source and
// reporters to a canonical source. The registry learns as the ingest
// goes, and linking runs in input order in the writer, so a name seen in
// an earlier article resolves a later mention the same way every run.
func newLinker(opts ingestOptions) (linkFunc, error) {
	reg, err := sources.New(sources.Options{Registry: opts.Registry})
	if err != nil {
		return nil, err
	}
	return reg.Link, nil
}

// inputBytes is the size of what an ingest will read, for the progress
// line: the files named and those a directory walk would pick up.
// Standard input counts as nothing.
func inputBytes(inputs []string) int64 {
	var total int64
	for _, in := range inputs {
		if in == ingest.Stdin {
			continue
		}
		filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || (p != in && !ingest.Wanted(p)) {
				return nil
			}
			if fi, err := d.Info(); err == nil {
				total += fi.Size()
			}
			return nil
		})
	}
	return total
}

// progress draws one line on a terminal: counts, rate and, when the input
// size is known, the share done and the time left. The share is of bytes
// of text read against bytes of input, so JSON overhead makes it an
// estimate.
type progress struct {
	w           io.Writer
	now         func() time.Time
	start, last time.Time
	total, got  int64
	sum         *ingestSummary
}

func newProgress(w io.Writer, total int64, now func() time.Time, sum *ingestSummary) *progress {
	return &progress{w: w, now: now, start: now(), total: total, sum: sum}
}

func (p *progress) read(n int) {
	if p == nil {
		return
	}
	p.got += int64(n)
	p.draw(false)
}

func (p *progress) update() {
	if p == nil {
		return
	}
	p.draw(false)
}

func (p *progress) draw(force bool) {
	t := p.now()
	if !force && t.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = t
	el := t.Sub(p.start).Seconds()
	s := p.sum
	line := fmt.Sprintf("read %d: added %d, new versions %d, unchanged %d", s.Read, s.Added, s.NewVersions, s.Unchanged)
	if el > 0 {
		line += fmt.Sprintf(", %.0f/s", float64(s.Read)/el)
	}
	if p.total > 0 && p.got > 0 {
		frac := min(float64(p.got)/float64(p.total), 0.99)
		eta := time.Duration(el * (1 - frac) / frac * float64(time.Second)).Round(time.Second)
		line += fmt.Sprintf(", %.0f%%, ETA %s", frac*100, eta)
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
}

func (p *progress) done() {
	if p == nil {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
}

func plural64(n int64) string {
	if n == 1 {
		return "record"
	}
	return "records"
}
