// Main-thread side of the sandbox: owns the sandboxed iframe, runs compiled
// bundles in it with a wall-clock limit, cancels the Run in flight when a new
// one starts, and forwards API-explorer requests to the live worker.

import type { ExplorerRequest, ExplorerResponse, HostMessage, RunResult, WorkerMessage } from "../protocol";
import { isRunResult } from "../protocol-check";
import { frameDocument } from "./frame-document";
import { sandboxScript } from "./sandbox-script";

/** How long a worker that serves the API explorer may sit idle. */
const EXPLORER_IDLE_MS = 10 * 60 * 1000;

interface PendingRun {
  runId: number;
  /** Only the Run's runner knows it: a message without it is learner code's, and ignored. */
  secret: string;
  resolve: (result: RunResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** 128 random bits, hex: a Run's secret. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class SandboxHost {
  private frame: HTMLIFrameElement | undefined;
  private ready: Promise<void> | undefined;
  private preludeSent = false;
  private nextRunId = 1;
  private pending: PendingRun | undefined;
  private liveRunId = 0;
  private liveSecret = "";
  private liveTimeoutMs = 5000;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private nextRequestId = 1;
  private readonly explorerWaiters = new Map<number, (response: Omit<ExplorerResponse, "wallMs">) => void>();

  constructor(
    private readonly container: HTMLElement,
    private readonly prelude: string,
  ) {
    window.addEventListener("message", this.onMessage);
  }

  private ensureFrame(): Promise<void> {
    if (this.frame && this.ready) return this.ready;
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("title", "Code sandbox");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.style.display = "none";
    frame.srcdoc = frameDocument();
    this.preludeSent = false;
    this.ready = new Promise((resolve) => {
      const onReady = (event: MessageEvent) => {
        if (event.source === frame.contentWindow && (event.data as { type?: string })?.type === "ready") {
          window.removeEventListener("message", onReady);
          resolve();
        }
      };
      window.addEventListener("message", onReady);
    });
    this.container.appendChild(frame);
    this.frame = frame;
    return this.ready;
  }

  private send(message: HostMessage): void {
    this.frame?.contentWindow?.postMessage(message, "*");
  }

  private readonly onMessage = (event: MessageEvent) => {
    if (!this.frame || event.source !== this.frame.contentWindow) return;
    const message = event.data as WorkerMessage;
    if (
      message?.type === "result" &&
      this.pending &&
      message.runId === this.pending.runId &&
      message.secret === this.pending.secret
    ) {
      const { resolve, timer, secret } = this.pending;
      clearTimeout(timer);
      this.pending = undefined;
      const result: RunResult = isRunResult(message.result)
        ? message.result
        : { kind: "crash", message: "The sandbox sent a result of the wrong shape." };
      if (result.kind === "tests" && result.explorer) {
        this.liveRunId = message.runId;
        this.liveSecret = secret;
        this.touchIdle();
      } else {
        this.send({ type: "stop", runId: message.runId });
      }
      resolve(result);
    } else if (
      message?.type === "explorer-response" &&
      message.runId === this.liveRunId &&
      message.secret === this.liveSecret
    ) {
      this.explorerWaiters.get(message.requestId)?.(message.response);
      this.explorerWaiters.delete(message.requestId);
    }
  };

  private touchIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopLive(), EXPLORER_IDLE_MS);
  }

  private stopLive(): void {
    if (this.liveRunId) this.send({ type: "stop", runId: this.liveRunId });
    this.liveRunId = 0;
    for (const resolve of this.explorerWaiters.values()) {
      resolve({ status: 0, statusText: "", headers: [], body: "", error: "The sandbox stopped; run your code again." });
    }
    this.explorerWaiters.clear();
  }

  /** True while a worker from the last successful Run can serve explorer requests. */
  get explorerReady(): boolean {
    return this.liveRunId !== 0;
  }

  /**
   * Creates the sandbox and starts a worker with the prelude parsed, so the
   * first Run costs what later ones do. Safe to call more than once.
   */
  async warmUp(): Promise<void> {
    await this.ensureFrame();
    if (this.preludeSent) return;
    this.send({ type: "prepare", prelude: this.prelude });
    this.preludeSent = true;
  }

  /**
   * Runs a compiled bundle. Resolves with the tests' results, or a timeout
   * after `timeoutMs` (the worker is then terminated), or "cancelled" when a
   * newer Run starts first. Never rejects.
   */
  async run(bundle: string, map: string, timeoutMs: number): Promise<RunResult> {
    this.cancel();
    this.stopLive();
    const runId = this.nextRunId++;
    const secret = newSecret();
    await this.ensureFrame();
    const result = new Promise<RunResult>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.runId !== runId) return;
        this.pending = undefined;
        this.send({ type: "stop", runId });
        resolve({ kind: "timeout", timeoutMs });
      }, timeoutMs);
      this.pending = { runId, secret, resolve, timer };
    });
    this.liveTimeoutMs = timeoutMs;
    const code = sandboxScript({ runId, bundle, map, timeoutMs });
    this.send({ type: "run", runId, secret, code, ...(this.preludeSent ? {} : { prelude: this.prelude }) });
    this.preludeSent = true;
    return result;
  }

  /** Resolves the Run in flight, if any, as cancelled and stops its worker. */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    this.send({ type: "stop", runId: pending.runId });
    pending.resolve({ kind: "cancelled" });
  }

  /** Sends one request to the learner's handler in the live worker. */
  async explore(request: ExplorerRequest): Promise<ExplorerResponse> {
    const started = performance.now();
    if (!this.liveRunId) {
      return {
        status: 0,
        statusText: "",
        headers: [],
        body: "",
        wallMs: 0,
        error: "Run your code first: the explorer talks to the handler from your last successful Run.",
      };
    }
    this.touchIdle();
    const runId = this.liveRunId;
    const requestId = this.nextRequestId++;
    const answer = await new Promise<Omit<ExplorerResponse, "wallMs">>((resolve) => {
      const timer = setTimeout(() => {
        this.explorerWaiters.delete(requestId);
        this.stopLive();
        resolve({
          status: 0,
          statusText: "",
          headers: [],
          body: "",
          error: `The handler did not answer within ${this.liveTimeoutMs} ms and was stopped (does it loop forever?). Run again to restart it.`,
        });
      }, this.liveTimeoutMs);
      this.explorerWaiters.set(requestId, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.send({ type: "explore", runId, requestId, request });
    });
    return { ...answer, wallMs: performance.now() - started };
  }

  dispose(): void {
    this.cancel();
    this.stopLive();
    window.removeEventListener("message", this.onMessage);
    this.frame?.remove();
    this.frame = undefined;
    this.ready = undefined;
  }
}
