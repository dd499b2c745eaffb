// The Go language constructs the course mirrors, which are syntax in Go and
// calls or statements here, so no single export stands for them. Each says
// how to tell that a lesson's code uses it (see usage.ts).

import type { LessonUsage } from "./usage";

/** A Go construct and its TypeScript spelling in this course. */
export interface LanguageEntry {
  id: string;
  /** What Go calls it, e.g. "Channel send". */
  title: string;
  go: string;
  ts: string;
  note: string;
  /** Whether a lesson whose files import from "go" (or a go/ package) uses it. */
  uses: (u: LessonUsage) => boolean;
}

const importsGo = (u: LessonUsage) => [...u.exports].some((k) => k.startsWith("go#"));
const member =
  (...names: string[]) =>
  (u: LessonUsage) =>
    importsGo(u) && names.some((n) => u.members.has(n));

export const LANGUAGE: LanguageEntry[] = [
  {
    id: "go-statement",
    title: "go statement",
    go: "go worker(jobs)",
    ts: 'go(() => worker(jobs), "worker")',
    note: "Starts a goroutine; the optional name labels it in timelines and deadlock dumps. Only inside synctest.run.",
    uses: (u) => u.exports.has("go#go"),
  },
  {
    id: "chan-send",
    title: "Channel send",
    go: "ch <- v",
    ts: "await ch.send(v)",
    note: "Blocks until a receiver takes v (or buffer space frees up). Without await, the goroutine panics: forgot await?",
    uses: member("send"),
  },
  {
    id: "chan-recv",
    title: "Channel receive",
    go: "v := <-ch\nv, ok := <-ch",
    ts: "const v = await ch.recv()\nconst [v, ok] = await ch.recvOk()",
    note: "A receive from a closed, drained channel gives the zero value (undefined) and ok = false.",
    uses: member("recv", "recvOk"),
  },
  {
    id: "chan-close",
    title: "close",
    go: "close(ch)",
    ts: "ch.close()",
    note: "Does not block, so no await. Closing twice, or sending on a closed channel, panics as in Go.",
    uses: member("close"),
  },
  {
    id: "chan-range",
    title: "for range over a channel",
    go: "for v := range ch { … }",
    ts: "for await (const v of ch) { … }",
    note: "Receives until the channel is closed and drained.",
    uses: (u) => importsGo(u) && u.forAwait,
  },
  {
    id: "chan-len-cap",
    title: "len and cap of a channel",
    go: "len(ch), cap(ch)",
    ts: "ch.len(), ch.cap()",
    note: "Buffered values waiting, and the buffer's size.",
    uses: member("len", "cap"),
  },
  {
    id: "select",
    title: "select",
    go: "select {\ncase v, ok := <-in: …\ncase out <- x: …\ncase <-ctx.Done(): …\ndefault: …\n}",
    ts: "await select(\n  in.recvCase((v, ok) => …),\n  out.sendCase(x, () => …),\n  ctx.done().recvCase(() => …),\n  defaultCase(() => …),\n)",
    note: "Resolves to the chosen case's return value; among ready cases one is chosen at random, as in Go.",
    uses: (u) => u.exports.has("go#select"),
  },
  {
    id: "defer",
    title: "defer",
    go: "mu.Lock()\ndefer mu.Unlock()",
    ts: "await mu.lock()\ntry { … } finally { mu.unlock() }",
    note: "Go runs deferred calls when the function returns or panics; finally does the same for its block.",
    uses: (u) => u.tryFinally && u.exports.size > 0,
  },
  {
    id: "recover",
    title: "recover",
    go: "defer func() {\n  if r := recover(); r != nil { … }\n}()",
    ts: "try { … } catch (e) {\n  if (e instanceof GoPanic) { … } else throw e\n}",
    note: "A panic is a thrown GoPanic; catching it in the goroutine that panicked is Go's recover.",
    uses: (u) => u.exports.has("go#GoPanic") || (u.tryCatch && u.exports.has("go#panic")),
  },
];
