package main

import (
	"context"
	"sync"

	"github.com/claimtrail/claimtrail"
)

// writerPool stores batches with several writers at once (ingest
// --workers). Batches are made and linked in input order as with one
// writer; only the order in which they commit varies, which the store's
// keying by content hash makes harmless: an article is added once
// whichever batch reaches the store first.
type writerPool struct {
	ch     chan []claimtrail.Record
	wg     sync.WaitGroup
	mu     *sync.Mutex // guards sum and the progress line
	failed chan struct{}
	err    error
}

// newWriterPool starts n writers that save into st and add their counts
// to sum under mu. The first error stops the others' saving.
func newWriterPool(ctx context.Context, n int, st claimtrail.Store, sum *ingestSummary, prog *progress, mu *sync.Mutex, report func(error)) *writerPool {
	p := &writerPool{ch: make(chan []claimtrail.Record), mu: mu, failed: make(chan struct{})}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for batch := range p.ch {
				select {
				case <-p.failed:
					continue // drain
				default:
				}
				var got ingestSummary
				err := saveBatch(ctx, st, batch, &got, report)
				mu.Lock()
				sum.Added += got.Added
				sum.NewVersions += got.NewVersions
				sum.Unchanged += got.Unchanged
				sum.Failed += got.Failed
				sum.Claims += got.Claims
				prog.update()
				if err != nil && p.err == nil {
					p.err = err
					close(p.failed)
				}
				mu.Unlock()
			}
		}()
	}
	return p
}

// send hands a batch to the next free writer; it returns the first
// writer's error once there is one.
func (p *writerPool) send(batch []claimtrail.Record) error {
	select {
	case p.ch <- batch:
		return nil
	case <-p.failed:
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.err
	}
}

// wait lets the writers finish the batches sent and returns the first
// error. A nil pool (one writer) has nothing to wait for.
func (p *writerPool) wait() error {
	if p == nil {
		return nil
	}
	close(p.ch)
	p.wg.Wait()
	return p.err
}
