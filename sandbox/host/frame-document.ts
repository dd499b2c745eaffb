// The sandbox iframe's document (used as srcdoc). Its CSP forbids every
// network request; the iframe is sandboxed without allow-same-origin, so the
// workers it starts have an opaque origin and no access to the site's
// storage or DOM. It only relays: it starts a fresh classic Worker per Run
// from prelude + code blobs and passes messages both ways.

export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'";

const relay = `
let prelude = null;
let worker = null;
let runId = 0;
function stop() {
  if (worker) worker.terminate();
  worker = null;
}
addEventListener("message", (event) => {
  if (event.source !== parent) return;
  const msg = event.data;
  if (msg.type === "run") {
    stop();
    runId = msg.runId;
    if (typeof msg.prelude === "string") prelude = new Blob([msg.prelude, "\\n"], { type: "text/javascript" });
    if (!prelude) {
      parent.postMessage({ type: "result", runId, result: { kind: "crash", message: "sandbox: no prelude" } }, "*");
      return;
    }
    const url = URL.createObjectURL(new Blob([prelude, msg.code], { type: "text/javascript" }));
    const current = new Worker(url);
    worker = current;
    const id = runId;
    current.onmessage = (e) => {
      URL.revokeObjectURL(url);
      if (worker === current) parent.postMessage(e.data, "*");
    };
    current.onerror = (e) => {
      e.preventDefault();
      URL.revokeObjectURL(url);
      if (worker === current) parent.postMessage({ type: "result", runId: id, result: { kind: "crash", message: "The sandbox worker failed: " + (e.message || "unknown error") } }, "*");
    };
  } else if (msg.type === "explore") {
    if (worker && msg.runId === runId) worker.postMessage(msg);
  } else if (msg.type === "stop") {
    stop();
  }
});
parent.postMessage({ type: "ready" }, "*");
`;

export function frameDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>${relay}</script></body></html>`;
}
