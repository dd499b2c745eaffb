// The sandbox iframe's document (used as srcdoc). Its CSP forbids every
// network request; the iframe is sandboxed without allow-same-origin, so the
// workers it starts have an opaque origin and no access to the site's
// storage or DOM. It only relays: every Run gets a fresh classic Worker (from
// the prelude blob) that loads the Run's bundle, and messages pass both ways.
// It also answers pings, so the page can tell a dead sandbox (its process ran
// out of memory) from a busy one.

import { PLATFORM_MESSAGES, type PlatformCode } from "../platform-text";

export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'";

/** Largest result or explorer response (as JSON) the frame passes to the page. */
export const MAX_RELAYED_CHARS = 4_000_000;
/** Most results relayed per Run: learner code may post fakes, the runner posts one. */
const MAX_RESULTS_PER_RUN = 8;
/** At most one progress message per this many ms reaches the page; the latest wins. */
const PROGRESS_EVERY_MS = 100;

/** The English of the frame's own platform messages, to embed in its script. */
function pick(...codes: PlatformCode[]): Partial<Record<PlatformCode, string>> {
  return Object.fromEntries(codes.map((code) => [code, PLATFORM_MESSAGES[code]]));
}

// The relay only forwards message types the page understands, so a learner
// loop calling postMessage cannot flood the page; what it forwards it first
// measures here, in the frame's process, not on the page's main thread.
const relay = `
const MAX_RELAYED_CHARS = ${MAX_RELAYED_CHARS};
// The frame's own messages, as platform text (sandbox/platform-text.ts): English and the code.
const MESSAGES = ${JSON.stringify(pick("sandboxNoPrelude", "sandboxWorkerFailed", "resultTooLarge", "explorerTooLarge"))};
function say(code, params) {
  let message = MESSAGES[code];
  for (const name in params) message = message.replace("{" + name + "}", () => params[name]);
  return params ? { message, platform: { code, params } } : { message, platform: { code } };
}
let preludeUrl = null;
let spare = null;
// A worker that loaded a bundle ahead of its Run: { key, worker }.
let staged = null;
let worker = null;
let runId = 0;
let results = 0;
let progress = null;
let progressTimer = 0;
let lastProgressAt = 0;
const requests = new Set();
function stop() {
  if (worker) worker.terminate();
  worker = null;
  requests.clear();
  progress = null;
}
function errorOf(text) {
  return { error: text.message, platform: text.platform };
}
// A spare worker has parsed the prelude already, so a Run only loads its bundle.
function prepareSpare() {
  if (!spare && preludeUrl) spare = new Worker(preludeUrl);
}
function dropStaged() {
  if (staged) staged.worker.terminate();
  staged = null;
}
function flushProgress() {
  clearTimeout(progressTimer);
  progressTimer = 0;
  if (progress) parent.postMessage(progress, "*");
  progress = null;
  lastProgressAt = performance.now();
}
function size(value) {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}
function forward(data, id) {
  if (!data || typeof data !== "object" || data.runId !== id) return;
  if (data.type === "progress") {
    if (typeof data.test !== "string") return;
    progress = { type: "progress", runId: id, secret: data.secret, test: data.test.slice(0, 500) };
    if (performance.now() - lastProgressAt >= ${PROGRESS_EVERY_MS}) flushProgress();
    else if (!progressTimer) progressTimer = setTimeout(flushProgress, ${PROGRESS_EVERY_MS});
  } else if (data.type === "result") {
    // The result is JSON (a single string): its length is its size.
    if (typeof data.result !== "string" || ++results > ${MAX_RESULTS_PER_RUN}) return;
    flushProgress();
    const chars = data.result.length;
    if (chars > MAX_RELAYED_CHARS) {
      data = { type: "result", runId: id, secret: data.secret, result: JSON.stringify({ kind: "crash", ...say("resultTooLarge", { size: (chars / 1048576).toFixed(1) }) }) };
    }
    parent.postMessage(data, "*");
    prepareSpare();
  } else if (data.type === "explorer-response") {
    if (!requests.delete(data.requestId)) return;
    if (size(data) > MAX_RELAYED_CHARS) {
      data = { type: "explorer-response", runId: id, secret: data.secret, requestId: data.requestId, response: { status: 0, statusText: "", headers: [], body: "", ...errorOf(say("explorerTooLarge")) } };
    }
    parent.postMessage(data, "*");
  }
}
addEventListener("message", (event) => {
  if (event.source !== parent) return;
  const msg = event.data;
  if (msg.type === "ping") {
    parent.postMessage({ type: "pong", id: msg.id }, "*");
  } else if (msg.type === "run") {
    stop();
    runId = msg.runId;
    results = 0;
    if (typeof msg.prelude === "string") {
      if (spare) spare.terminate();
      spare = null;
      dropStaged();
      preludeUrl = URL.createObjectURL(new Blob([msg.prelude], { type: "text/javascript" }));
    }
    if (!preludeUrl) {
      parent.postMessage({ type: "result", runId, result: { kind: "crash", ...say("sandboxNoPrelude") } }, "*");
      return;
    }
    // The staged worker has this Run's bundle loaded: it only needs starting.
    const ready = staged && msg.staged && staged.key === msg.staged.key ? staged.worker : null;
    if (ready) staged = null;
    else dropStaged();
    const current = ready || spare || new Worker(preludeUrl);
    if (!ready) spare = null;
    worker = current;
    const id = runId;
    current.onmessage = (e) => {
      if (worker === current) forward(e.data, id);
    };
    current.onerror = (e) => {
      e.preventDefault();
      if (worker !== current) return;
      parent.postMessage({ type: "result", runId: id, result: { kind: "crash", ...say("sandboxWorkerFailed", { error: String(e.message || "unknown error").slice(0, 2000) }) } }, "*");
      prepareSpare();
    };
    if (ready) current.postMessage({ type: "load", runId: id, secret: msg.secret, start: msg.staged.start });
    else current.postMessage({ type: "load", runId: id, secret: msg.secret, code: msg.code });
  } else if (msg.type === "stage") {
    if (!preludeUrl || typeof msg.code !== "string") return;
    dropStaged();
    staged = { key: msg.key, worker: spare || new Worker(preludeUrl) };
    spare = null;
    staged.worker.postMessage({ type: "stage", code: msg.code });
  } else if (msg.type === "prepare") {
    if (!preludeUrl) preludeUrl = URL.createObjectURL(new Blob([msg.prelude], { type: "text/javascript" }));
    prepareSpare();
  } else if (msg.type === "explore") {
    if (worker && msg.runId === runId) {
      requests.add(msg.requestId);
      worker.postMessage(msg);
    }
  } else if (msg.type === "stop") {
    if (msg.runId !== runId) return;
    stop();
    prepareSpare();
  }
});
parent.postMessage({ type: "ready" }, "*");
`;

export function frameDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>${relay}</script></body></html>`;
}
