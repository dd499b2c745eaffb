// Main-thread side of the sandbox: owns the sandboxed iframe, runs compiled
// bundles in it with a wall-clock limit, cancels the Run in flight when a new
// one starts, and forwards API-explorer requests to the live worker. The
// frame is pinged as each Run starts and while one is in flight: a frame
// whose process died (learner code ran out of memory) is replaced, not reused.

import type {
  ExplorerRequest,
  ExplorerResponse,
  FrameMessage,
  HostMessage,
  RunResult,
  WorkerMessage,
} from "../protocol";
import { boundExplorerResponse, boundResult } from "./bound-result";
import { readRunResult } from "../protocol-check";
import { frameDocument } from "./frame-document";
import { sandboxScript, startConfig, stagedScript } from "./sandbox-script";
import { platformText } from "../platform-text";

/** How long a worker that serves the API explorer may sit idle. */
const EXPLORER_IDLE_MS = 10 * 60 * 1000;
/** A frame that does not answer the ping sent with a Run within this is replaced, and the Run sent again. */
const PING_WITH_RUN_MS = 1000;
/** While a Run is in flight the frame is pinged this often... */
const WATCH_EVERY_MS = 1000;
/** ...and declared dead when a ping goes unanswered this long. */
const WATCH_DEADLINE_MS = 3000;
/** At the time limit: an answer within this means the code looped; none, that the sandbox died. */
const TIMEOUT_PING_MS = 1500;
/** A frame that never says "ready" is given up after this. */
const READY_DEADLINE_MS = 10_000;

interface PendingRun {
  runId: number;
  /** Only the Run's runner knows it: a message without it is learner code's, and ignored. */
  secret: string;
  resolve: (result: RunResult) => void;
  timer: ReturnType<typeof setTimeout>;
  timeoutMs: number;
  /** The test that started last, as the runner reported it. */
  test?: string;
}

/**
 * The result when the sandbox's process died during a Run. A renderer dies
 * when V8 cannot allocate (learner code can do nothing else that kills it),
 * so this says "ran out of memory".
 */
export function outOfMemory(test: string | undefined): RunResult {
  return {
    kind: "crash",
    outOfMemory: true,
    ...(test ? { test, ...platformText("outOfMemoryIn", { test }) } : platformText("outOfMemory")),
  };
}

/** An explorer answer that is only a platform message. */
function noAnswer(text: ReturnType<typeof platformText>): Omit<ExplorerResponse, "wallMs"> {
  return { status: 0, statusText: "", headers: [], body: "", error: text.message, platform: text.platform };
}

/** 128 random bits, hex: a Run's secret. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class SandboxHost {
  private frame: HTMLIFrameElement | undefined;
  private ready: Promise<boolean> | undefined;
  private preludeSent = false;
  private nextRunId = 1;
  private pending: PendingRun | undefined;
  private liveRunId = 0;
  private liveSecret = "";
  private liveTimeoutMs = 5000;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private nextRequestId = 1;
  private nextPingId = 1;
  /** The bundle last staged in the current frame, under `key`. */
  private staged: { key: number; bundle: string; map: string } | undefined;
  private nextStageKey = 1;
  /** Whether the last Run sent started a worker that had staged its bundle (for the benchmark). */
  lastRunStaged = false;
  private readonly pongs = new Map<number, () => void>();
  private readonly explorerWaiters = new Map<number, (response: Omit<ExplorerResponse, "wallMs">) => void>();

  constructor(
    private readonly container: HTMLElement,
    private readonly prelude: string,
    /** The hidden frame's title, in the page's language. */
    private readonly frameTitle = "Code sandbox",
  ) {
    window.addEventListener("message", this.onMessage);
  }

  /** Resolves true once the frame is up, false if it never says so. */
  private ensureFrame(): Promise<boolean> {
    if (this.frame && this.ready) return this.ready;
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("title", this.frameTitle);
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.style.display = "none";
    frame.srcdoc = frameDocument();
    this.preludeSent = false;
    this.ready = new Promise((resolve) => {
      const timer = setTimeout(() => {
        window.removeEventListener("message", onReady);
        resolve(false);
      }, READY_DEADLINE_MS);
      const onReady = (event: MessageEvent) => {
        if (event.source === frame.contentWindow && (event.data as { type?: string })?.type === "ready") {
          window.removeEventListener("message", onReady);
          clearTimeout(timer);
          resolve(true);
        }
      };
      window.addEventListener("message", onReady);
    });
    this.container.appendChild(frame);
    this.frame = frame;
    return this.ready;
  }

  /** Drops a dead frame (and the explorer worker it held); the next use builds a new one. */
  private replaceFrame(): void {
    this.stopLive();
    this.frame?.remove();
    this.frame = undefined;
    this.ready = undefined;
    this.preludeSent = false;
    this.staged = undefined;
    for (const answer of this.pongs.values()) answer();
    this.pongs.clear();
  }

  /** Resolves true when the frame answers a ping within ms. */
  private probe(ms: number): Promise<boolean> {
    if (!this.frame) return Promise.resolve(false);
    const id = this.nextPingId++;
    const frame = this.frame;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pongs.delete(id);
        resolve(false);
      }, ms);
      this.pongs.set(id, () => {
        clearTimeout(timer);
        resolve(this.frame === frame);
      });
      this.send({ type: "ping", id });
    });
  }

  /**
   * The frame a Run goes to: the current one if it said "ready" (it is then
   * pinged while the Run starts, see `confirm`), else a new one. Resolves
   * whether the frame is new, i.e. known to be alive.
   */
  private async runFrame(): Promise<boolean> {
    if (this.frame && this.ready && (await this.ready)) return false;
    this.replaceFrame();
    await this.ensureFrame();
    return true;
  }

  /**
   * Pings the frame a Run was just sent to. Waiting for the answer before
   * sending would add a round trip to every Run; a frame that died since the
   * last Run (its process ran out of memory) is instead replaced here and
   * the Run sent again, with its full time limit.
   */
  private async confirm(runId: number, sendRun: () => void): Promise<void> {
    if (await this.probe(PING_WITH_RUN_MS)) return;
    const pending = this.pending;
    if (pending?.runId !== runId) return;
    this.replaceFrame();
    const ready = await this.ensureFrame();
    if (this.pending !== pending) return;
    if (!ready) {
      this.settle(runId, { kind: "crash", ...platformText("sandboxNotStarted") });
      return;
    }
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => void this.timedOut(runId), pending.timeoutMs);
    sendRun();
  }

  private send(message: HostMessage): void {
    this.frame?.contentWindow?.postMessage(message, "*");
  }

  private settle(runId: number, result: RunResult): void {
    const pending = this.pending;
    if (pending?.runId !== runId) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.resolve(result);
  }

  private readonly onMessage = (event: MessageEvent) => {
    if (!this.frame || event.source !== this.frame.contentWindow) return;
    const message = event.data as WorkerMessage | FrameMessage | null;
    if (typeof message !== "object" || message === null) return;
    if (message.type === "pong") {
      this.pongs.get(message.id)?.();
      this.pongs.delete(message.id);
      return;
    }
    // Everything else must carry the Run's secret: learner code never has it.
    const pending = this.pending;
    if (
      message.type === "progress" &&
      pending &&
      message.runId === pending.runId &&
      message.secret === pending.secret
    ) {
      if (typeof message.test === "string") pending.test = message.test.slice(0, 500);
    } else if (
      message.type === "result" &&
      pending &&
      message.runId === pending.runId &&
      message.secret === pending.secret
    ) {
      let result: RunResult;
      try {
        const sent = readRunResult(message.result);
        result = sent ? boundResult(sent) : { kind: "crash", ...platformText("resultWrongShape") };
      } catch (error) {
        // A result of a shape nobody expected still ends the Run.
        result = { kind: "crash", ...platformText("resultUnreadable", { error: String(error) }) };
      }
      if (result.kind === "tests" && result.explorer) {
        this.liveRunId = message.runId;
        this.liveSecret = pending.secret;
        this.touchIdle();
      } else {
        this.send({ type: "stop", runId: message.runId });
      }
      this.settle(message.runId, result);
    } else if (
      message.type === "explorer-response" &&
      message.runId === this.liveRunId &&
      message.secret === this.liveSecret
    ) {
      this.explorerWaiters.get(message.requestId)?.(boundExplorerResponse(message.response));
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
      resolve(noAnswer(platformText("explorerStopped")));
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
    if (!(await this.ensureFrame())) return;
    if (this.preludeSent) return;
    this.send({ type: "prepare", prelude: this.prelude });
    this.preludeSent = true;
  }

  /**
   * Loads `bundle` in the frame's spare worker ahead of its Run (compiled as
   * the learner paused in typing): a Run of it then only starts the harness.
   * Its top level defines modules and runs no learner code.
   */
  async stage(bundle: string, map: string): Promise<void> {
    if (this.staged?.bundle === bundle && this.staged.map === map) return;
    await this.warmUp();
    if (!this.frame || !this.preludeSent) return;
    const key = this.nextStageKey++;
    this.staged = { key, bundle, map };
    this.send({ type: "stage", key, code: stagedScript(bundle) });
  }

  /**
   * Runs a compiled bundle. Resolves with the tests' results, or a timeout
   * after `timeoutMs` (the worker is then terminated), or "cancelled" when a
   * newer Run starts first, or a crash when the sandbox died (it is then
   * replaced). Never rejects.
   */
  async run(bundle: string, map: string, timeoutMs: number): Promise<RunResult> {
    this.cancel();
    this.stopLive();
    const runId = this.nextRunId++;
    const secret = newSecret();
    const fresh = await this.runFrame();
    if (runId !== this.nextRunId - 1) return { kind: "cancelled" };
    if (!this.frame) return { kind: "crash", ...platformText("sandboxNotStarted") };
    const result = new Promise<RunResult>((resolve) => {
      const timer = setTimeout(() => void this.timedOut(runId), timeoutMs);
      this.pending = { runId, secret, resolve, timer, timeoutMs };
    });
    this.liveTimeoutMs = timeoutMs;
    const code = sandboxScript({ runId, bundle, map, timeoutMs });
    const sendRun = () => {
      // A frame replaced since staging has nothing staged: `code` runs there as usual.
      const staged =
        this.staged?.bundle === bundle && this.staged.map === map
          ? { key: this.staged.key, start: startConfig({ runId, map, timeoutMs }) }
          : undefined;
      this.staged = undefined;
      this.lastRunStaged = staged !== undefined;
      this.send({
        type: "run",
        runId,
        secret,
        code,
        ...(this.preludeSent ? {} : { prelude: this.prelude }),
        ...(staged ? { staged } : {}),
      });
      this.preludeSent = true;
    };
    sendRun();
    if (!fresh) void this.confirm(runId, sendRun);
    void this.watch(runId);
    return result;
  }

  /** Pings the frame while the Run is in flight, so a crash is not reported as a timeout. */
  private async watch(runId: number): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS));
      if (this.pending?.runId !== runId) return;
      const frame = this.frame;
      const alive = await this.probe(WATCH_DEADLINE_MS);
      if (this.pending?.runId !== runId) return;
      // A frame `confirm` replaced meanwhile (dead before the Run) is not this Run's crash.
      if (!alive && this.frame !== frame) continue;
      if (!alive) {
        const test = this.pending.test;
        this.replaceFrame();
        this.settle(runId, outOfMemory(test));
        return;
      }
    }
  }

  /** The time limit passed: stop the worker, and tell a loop from a dead sandbox. */
  private async timedOut(runId: number): Promise<void> {
    const pending = this.pending;
    if (pending?.runId !== runId) return;
    this.pending = undefined;
    this.send({ type: "stop", runId });
    const alive = await this.probe(TIMEOUT_PING_MS);
    if (!alive) this.replaceFrame();
    if (runId !== this.nextRunId - 1) pending.resolve({ kind: "cancelled" });
    else if (alive)
      pending.resolve({
        kind: "timeout",
        timeoutMs: pending.timeoutMs,
        ...(pending.test ? { test: pending.test } : {}),
      });
    else pending.resolve(outOfMemory(pending.test));
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
      return { ...noAnswer(platformText("explorerNotRun")), wallMs: 0 };
    }
    this.touchIdle();
    const runId = this.liveRunId;
    const requestId = this.nextRequestId++;
    const answer = await new Promise<Omit<ExplorerResponse, "wallMs">>((resolve) => {
      const timer = setTimeout(() => {
        this.explorerWaiters.delete(requestId);
        this.stopLive();
        resolve(noAnswer(platformText("explorerTimeout", { ms: this.liveTimeoutMs })));
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
