// Main-thread handle on the page's single compile worker.

import type { CompileRequest, CompileResult, SeedFile } from "../compiler/compile";
import type { CompilerReply, CompilerRequest } from "../compiler/compile-worker";

export class CompilerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (result: CompileResult) => void>();
  private warm: Promise<void> | undefined;
  private readonly startingListeners = new Set<(starting: boolean) => void>();
  private starting = false;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("../compiler/compile-worker.ts", import.meta.url), {
      type: "module",
      name: "compiler",
    });
    worker.onmessage = (event: MessageEvent<CompilerReply>) => {
      const reply = event.data;
      if (reply.type === "starting") this.setStarting(true);
      else if (reply.type === "started" || reply.type === "failed") this.setStarting(false);
      if (reply.type === "compiled") {
        this.waiting.get(reply.id)?.(reply.result);
        this.waiting.delete(reply.id);
      } else if (reply.type === "failed") {
        for (const resolve of this.waiting.values())
          resolve({
            ok: false,
            errors: [{ file: "", line: 0, column: 0, message: reply.message, platform: reply.platform, lineText: "" }],
            ms: 0,
          });
        this.waiting.clear();
      }
    };
    this.worker = worker;
    return worker;
  }

  /**
   * Starts esbuild-wasm in the background (a 2.6 MB download, compressed, and a
   * WebAssembly compile); resolves when it is ready and the exercises sent to
   * prepare are compiled. The page calls it when the learner first touches an
   * exercise: code the build compiled runs without it.
   */
  warmUp(): Promise<void> {
    this.warm ??= new Promise((resolve) => {
      const worker = this.ensure();
      const onReady = (event: MessageEvent<CompilerReply>) => {
        if (event.data.type === "ready" || event.data.type === "failed") {
          worker.removeEventListener("message", onReady);
          resolve();
        }
      };
      worker.addEventListener("message", onReady);
      worker.postMessage({ type: "warm-up" } satisfies CompilerRequest);
    });
    return this.warm;
  }

  /**
   * Calls `listener` with true when a compile starts waiting for esbuild-wasm
   * to start, and with false when that wait is over. Returns the unsubscribe.
   */
  onStarting(listener: (starting: boolean) => void): () => void {
    this.startingListeners.add(listener);
    return () => {
      this.startingListeners.delete(listener);
    };
  }

  private setStarting(starting: boolean): void {
    if (this.starting === starting) return;
    this.starting = starting;
    for (const listener of this.startingListeners) listener(starting);
  }

  /**
   * Compiles `request` ahead of a Run, so that Run finds it compiled; `seeds`
   * are files the build compiled, kept so they are never compiled here.
   */
  prepare(request: CompileRequest, seeds?: SeedFile[]): void {
    this.ensure().postMessage({ type: "prepare", request, ...(seeds ? { seeds } : {}) } satisfies CompilerRequest);
  }

  /** Compiles `request`; files compiled before (by any Run or prepare) are not compiled again. */
  compile(request: CompileRequest): Promise<CompileResult> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ type: "compile", id, request } satisfies CompilerRequest);
    });
  }
}

let shared: CompilerClient | undefined;
/** The page's one compiler. */
export function pageCompiler(): CompilerClient {
  return (shared ??= new CompilerClient());
}
