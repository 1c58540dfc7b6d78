// Package watch tells the preview server which of a site's source files
// changed. It watches folder trees recursively (folders created later
// included), drops the temp and lock files that editors leave behind, and
// folds a burst of events into one Batch, so one save is one rebuild. It uses
// fsnotify, or polls the trees where the file system sends no events.
package watch

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options say what to watch and how.
type Options struct {
	// Roots are the folders and files to watch, such as a site's content/,
	// layouts/, assets/ and site.yaml; relative ones are made absolute. A
	// root that does not exist yet is no error: it is reported, with what
	// it holds, when it appears (fsnotify mode watches each root's parent
	// folder for that, without reporting the parent's other entries).
	Roots []string
	// Ignore reports whether a file or folder base name must never be
	// reported (editors' temp and lock files); an ignored folder is not
	// entered. nil ignores nothing.
	Ignore func(name string) bool
	// Debounce is the quiet time that closes a batch; 0 means 100 ms.
	Debounce time.Duration
	// Poll, when positive, compares snapshots of the trees every Poll
	// instead of using fsnotify: for WSL mounts, network shares, or when
	// the inotify watch limit is reached.
	Poll time.Duration
}

// Batch is one burst of changes.
type Batch struct {
	// Paths are the absolute paths created, written, removed or renamed,
	// sorted and without duplicates. A path may be a folder; when a folder
	// is removed or renamed away its files may not be listed one by one,
	// and after an event-queue overflow the roots themselves are listed:
	// treat a folder as "anything under it may have changed".
	Paths []string
	// Errors are problems met while watching (a new folder that could not
	// be watched, an overflow of the kernel's queue); the watcher goes on.
	Errors []error
}

// Watcher sends a Batch for each burst of changes until it is closed.
type Watcher struct {
	out       chan Batch
	done      chan struct{}
	finished  chan struct{}
	fsw       *fsnotify.Watcher // nil when polling
	closeOnce sync.Once
	closeErr  error
}

const (
	defaultDebounce = 100 * time.Millisecond
	// maxDelay bounds how long a continuous stream of events can hold a
	// batch back, so a long copy still shows up while it runs.
	maxDelay = time.Second
)

// New starts watching. When it returns, every change made afterwards will
// be reported.
func New(opts Options) (*Watcher, error) {
	roots, err := absRoots(opts.Roots)
	if err != nil {
		return nil, err
	}
	ignore := opts.Ignore
	if ignore == nil {
		ignore = func(string) bool { return false }
	}
	l := &loop{quiet: opts.Debounce, pending: newPending()}
	if l.quiet <= 0 {
		l.quiet = defaultDebounce
	}
	l.max = max(maxDelay, l.quiet)

	w := &Watcher{
		out:      make(chan Batch),
		done:     make(chan struct{}),
		finished: make(chan struct{}),
	}
	if opts.Poll > 0 {
		l.poll = newPoller(roots, ignore)
		l.ticker = time.NewTicker(opts.Poll)
	} else {
		fsw, err := fsnotify.NewWatcher()
		if err != nil {
			return nil, startError(err)
		}
		t := newTree(fsw, roots, ignore)
		if err := t.watchRoots(); err != nil {
			fsw.Close()
			return nil, err
		}
		w.fsw, l.tree = fsw, t
	}
	go l.run(w.out, w.done, w.finished)
	return w, nil
}

// Batches delivers the batches; it is closed by Close. A batch waits for
// its reader, and changes made meanwhile are merged into it, so a slow
// reader gets fewer, larger batches and never misses a change.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops watching, ends the watcher's goroutines and closes the
// Batches channel; changes not yet delivered are dropped. It is safe to
// call more than once.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		close(w.done)
		<-w.finished
		if w.fsw != nil {
			w.closeErr = w.fsw.Close()
		}
	})
	return w.closeErr
}

func absRoots(roots []string) ([]string, error) {
	if len(roots) == 0 {
		return nil, errors.New("watch: no roots to watch")
	}
	abs := make([]string, len(roots))
	for i, r := range roots {
		a, err := filepath.Abs(r)
		if err != nil {
			return nil, fmt.Errorf("watch: %w", err)
		}
		abs[i] = a
	}
	return abs, nil
}

// loop is the state owned by the watcher's one goroutine.
type loop struct {
	quiet, max time.Duration
	tree       *tree        // fsnotify mode
	poll       *poller      // poll mode
	ticker     *time.Ticker // poll mode
	pending    *pending     // the burst being collected
}

func (l *loop) run(out chan<- Batch, done <-chan struct{}, finished chan<- struct{}) {
	defer close(finished)
	defer close(out)
	var events <-chan fsnotify.Event
	var errs <-chan error
	var tick <-chan time.Time
	if l.tree != nil {
		events, errs = l.tree.fsw.Events, l.tree.fsw.Errors
	} else {
		defer l.ticker.Stop()
		tick = l.ticker.C
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()

	var next Batch // closed bursts waiting for the reader
	var ready bool
	for {
		var send chan<- Batch
		if ready {
			send = out
		}
		seen := l.pending.seen
		select {
		case <-done:
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			l.tree.handle(ev, l.pending)
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			l.tree.fail(err, l.pending)
		case <-tick:
			l.poll.scan(l.pending)
		case <-timer.C:
			if l.pending.empty() {
				continue
			}
			b := l.pending.take()
			if ready {
				b = merge(next, b)
			}
			next, ready = b, true
		case send <- next:
			next, ready = Batch{}, false
		}
		if l.pending.seen != seen {
			now := time.Now()
			l.pending.stamp(now)
			timer.Reset(l.pending.due(l.quiet, l.max).Sub(now))
		}
	}
}
