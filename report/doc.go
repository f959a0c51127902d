// Package report turns what the pipeline found into documents people read:
// a report of an article, a story, a source or an outlet (every claim with
// its source, chain, cue, stance and position, the sources by kind, the
// versions and how their claims changed) and an audit of the attribution
// practice behind them (how much rests on unnamed sources, how deep the
// chains of reporters go, which sentences state a number or an accusation
// with no one to answer for it, which attributions a later version dropped
// or weakened).
//
// Data comes in as domain types and rendered bytes go out, in Markdown,
// JSON, CSV or HTML. The package knows neither the store nor the command
// line, so the CLI, the local web view and tests build the same pages from
// the same models. Version diffs are computed here with package diff, so a
// report of files and a report from the store read alike.
//
// HTML is one standalone file: inline CSS, no script, no external font,
// image or link other than an article's own http(s) URL, and a
// Content-Security-Policy that forbids scripts in case a value ever slipped
// through. Every value from an article goes through html/template. Charts
// are inline SVG whose geometry is computed in Go, so they need nothing at
// view time. Each text block carries its own dir, because Arabic articles
// quote English captions and English reports quote Arabic sources.
//
// The words that make an unattributed sentence an accusation are language
// data (lexicon/*.yaml), as the cue lexicons of package claims are.
package report
