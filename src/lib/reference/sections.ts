// The reference's sections, named and ordered like Go's package documentation.

/** One section: its anchor, its English title, and the modules whose exports it lists. */
export interface Section {
  id: string;
  title: string;
  /** Module paths; "go:runtime" is the runtime part of the "go" module (gosched, numGoroutine, gc). */
  modules: string[];
}

/** The sections in order. The "go" module is split between Language and runtime. */
export const SECTIONS: Section[] = (
  [
    ["language", "Language: goroutines, channels, select, defer, panic", ["go"]],
    ["runtime", "runtime", ["go:runtime"]],
    ["sync", "sync", ["go/sync"]],
    ["sync-atomic", "sync/atomic", ["go/sync/atomic"]],
    ["time", "time", ["go/time"]],
    ["context", "context", ["go/context"]],
    ["errors", "errors (and fmt.Errorf)", ["go/errors"]],
    ["errgroup", "golang.org/x/sync/errgroup", ["go/x/sync/errgroup"]],
    ["semaphore", "golang.org/x/sync/semaphore", ["go/x/sync/semaphore"]],
    ["singleflight", "golang.org/x/sync/singleflight", ["go/x/sync/singleflight"]],
    ["rate", "golang.org/x/time/rate", ["go/x/time/rate"]],
    ["synctest", "testing/synctest", ["go/testing/synctest"]],
    ["net-http", "net/http (and net/url)", ["go/net/http"]],
    ["httptest", "net/http/httptest", ["go/net/http/httptest"]],
    ["jwt", "jwt (the course's package, after github.com/golang-jwt/jwt)", ["go/net/http/jwt"]],
    ["json", "encoding/json", ["go/encoding/json"]],
  ] as const
).map(([id, title, modules]) => ({ id, title, modules: [...modules] }));

/** Whether a section's title is prose to translate rather than a package path ("sync/atomic"). */
export const titleIsProse = (s: Section) => s.title.includes(" ");
