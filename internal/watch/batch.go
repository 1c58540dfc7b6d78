package watch

import (
	"slices"
	"time"
)

// pending collects one burst of changes until it has been quiet long
// enough, or has lasted long enough, to be sent.
type pending struct {
	paths       map[string]struct{}
	errs        []error
	seen        int // changes added so far, duplicates included: tells the loop a burst goes on
	first, last time.Time
}

func newPending() *pending { return &pending{paths: map[string]struct{}{}} }

func (p *pending) add(path string) {
	p.paths[path] = struct{}{}
	p.seen++
}

func (p *pending) fail(err error) {
	p.errs = append(p.errs, err)
	p.seen++
}

func (p *pending) empty() bool { return len(p.paths) == 0 && len(p.errs) == 0 }

// stamp records that the burst went on at now.
func (p *pending) stamp(now time.Time) {
	if p.first.IsZero() {
		p.first = now
	}
	p.last = now
}

// due is when the burst closes: after quiet time with no change, but no
// later than maxWait after its first change.
func (p *pending) due(quiet, maxWait time.Duration) time.Time {
	d := p.last.Add(quiet)
	if limit := p.first.Add(maxWait); limit.Before(d) {
		return limit
	}
	return d
}

// take returns the burst as a Batch and starts a new one.
func (p *pending) take() Batch {
	b := Batch{Paths: make([]string, 0, len(p.paths)), Errors: p.errs}
	for path := range p.paths {
		b.Paths = append(b.Paths, path)
	}
	slices.Sort(b.Paths)
	*p = pending{paths: map[string]struct{}{}, seen: p.seen}
	return b
}

// merge joins a batch still waiting for its reader with a newer one.
func merge(a, b Batch) Batch {
	paths := slices.Concat(a.Paths, b.Paths)
	slices.Sort(paths)
	return Batch{Paths: slices.Compact(paths), Errors: slices.Concat(a.Errors, b.Errors)}
}
