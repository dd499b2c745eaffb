// The sandbox iframe's document (used as srcdoc). Its CSP forbids every
// network request; the iframe is sandboxed without allow-same-origin, so the
// workers it starts have an opaque origin and no access to the site's
// storage or DOM. It only relays: every Run gets a fresh classic Worker (from
// the prelude blob) that loads the Run's bundle, and messages pass both ways.

export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'";

const relay = `
let preludeUrl = null;
let spare = null;
let worker = null;
let runId = 0;
function stop() {
  if (worker) worker.terminate();
  worker = null;
}
// A spare worker has parsed the prelude already, so a Run only loads its bundle.
function prepareSpare() {
  if (!spare && preludeUrl) spare = new Worker(preludeUrl);
}
addEventListener("message", (event) => {
  if (event.source !== parent) return;
  const msg = event.data;
  if (msg.type === "run") {
    stop();
    runId = msg.runId;
    if (typeof msg.prelude === "string") {
      if (spare) spare.terminate();
      spare = null;
      preludeUrl = URL.createObjectURL(new Blob([msg.prelude], { type: "text/javascript" }));
    }
    if (!preludeUrl) {
      parent.postMessage({ type: "result", runId, result: { kind: "crash", message: "sandbox: no prelude" } }, "*");
      return;
    }
    const current = spare || new Worker(preludeUrl);
    spare = null;
    worker = current;
    const id = runId;
    current.onmessage = (e) => {
      if (worker !== current) return;
      parent.postMessage(e.data, "*");
      if (e.data && e.data.type === "result") prepareSpare();
    };
    current.onerror = (e) => {
      e.preventDefault();
      if (worker !== current) return;
      parent.postMessage({ type: "result", runId: id, result: { kind: "crash", message: "The sandbox worker failed: " + (e.message || "unknown error") } }, "*");
      prepareSpare();
    };
    current.postMessage({ type: "load", runId: id, secret: msg.secret, code: msg.code });
  } else if (msg.type === "prepare") {
    if (!preludeUrl) preludeUrl = URL.createObjectURL(new Blob([msg.prelude], { type: "text/javascript" }));
    prepareSpare();
  } else if (msg.type === "explore") {
    if (worker && msg.runId === runId) worker.postMessage(msg);
  } else if (msg.type === "stop") {
    stop();
    prepareSpare();
  }
});
parent.postMessage({ type: "ready" }, "*");
`;

export function frameDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>${relay}</script></body></html>`;
}
