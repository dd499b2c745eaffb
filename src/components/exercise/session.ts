// One exercise's pipeline: learner files + tests -> compile worker ->
// sandbox -> RunResult. Each Run's timeline is kept for the benchmark
// (scripts/bench.mjs reads it from the exercise's data attributes).

import prelude from "virtual:sandbox-prelude";
import type { ExerciseData } from "../../lib/exercise-files";
import type { CompileRequest } from "../../../sandbox/compiler/compile";
import { seedFiles } from "../../lib/seed-files";
import type { ExplorerRequest, ExplorerResponse, RunResult } from "../../../sandbox/protocol";
import { pageCompiler } from "../../../sandbox/host/compiler-client";
import { SandboxHost } from "../../../sandbox/host/sandbox-host";
import { runEnded, runStarted } from "./run-activity";

/**
 * One Run's timeline: `performance.now()` stamps on the page's clock, so the
 * benchmark can split the time from its click to the painted results.
 */
export interface RunTimings {
  /** The Run began: files gathered, compile request about to be posted. */
  startedAt: number;
  /** The bundle (or the compile errors) came back from the compile worker. */
  compiledAt: number;
  /** The sandbox's result reached the page (equal to compiledAt after a compile error). */
  resultAt: number;
  /** The part of compiling spent inside esbuild, as the worker measured it. */
  esbuildMs: number;
  /** The part of the sandbox's time spent running tests, as the runner measured it. */
  runnerMs: number;
  /** The sandbox's worker had loaded the bundle ahead (compiled in a pause in typing). */
  staged: boolean;
}

/** What a Run of `code` compiles: the learner's files and the lesson's tests. */
export function compileRequest(data: ExerciseData, code: Record<string, string>): CompileRequest {
  const files: Record<string, string> = { ...code };
  for (const test of data.tests) files[test.name] = test.contents;
  return { files, testFiles: data.tests.map((t) => t.name), handler: data.handler, lessonTests: data.lessonTests };
}

export class ExerciseSession {
  private readonly host: SandboxHost;
  private generation = 0;
  private seeded = false;
  /** Counts compiles ahead: only the latest is staged. */
  private aheadId = 0;
  lastTimings: RunTimings | undefined;

  /** `frameTitle` names the hidden sandbox frame in the page's language. */
  constructor(container: HTMLElement, frameTitle?: string) {
    this.host = new SandboxHost(container, prelude, frameTitle);
    void this.host.warmUp();
  }

  async run(data: ExerciseData, code: Record<string, string>): Promise<RunResult> {
    runStarted();
    try {
      return await this.runOnce(data, code);
    } finally {
      runEnded();
    }
  }

  private async runOnce(data: ExerciseData, code: Record<string, string>): Promise<RunResult> {
    const generation = ++this.generation;
    this.host.cancel();
    const started = performance.now();
    const compiled = await pageCompiler().compile(compileRequest(data, code));
    if (generation !== this.generation) return { kind: "cancelled" };
    const compiledAt = performance.now();
    const timings = {
      startedAt: started,
      compiledAt,
      resultAt: compiledAt,
      esbuildMs: compiled.ms,
      runnerMs: 0,
      staged: false,
    };
    if (!compiled.ok) {
      this.lastTimings = timings;
      return { kind: "compile-error", errors: compiled.errors };
    }
    const result = await this.host.run(compiled.code, compiled.map, data.timeoutMs);
    timings.resultAt = performance.now();
    timings.staged = this.host.lastRunStaged;
    if (result.kind === "tests") timings.runnerMs = result.durationMs;
    this.lastTimings = timings;
    return result;
  }

  /**
   * Compiles `code` ahead of a Run: as the exercise opens (with the files the
   * build compiled, sent once) and as the learner pauses in typing. A Run of
   * the same code then finds it compiled.
   */
  prepare(data: ExerciseData, code: Record<string, string>): void {
    const seeds = this.seeded ? undefined : seedFiles(data);
    this.seeded = true;
    const request = compileRequest(data, code);
    pageCompiler().prepare(request, seeds);
    void this.stage(request);
  }

  /**
   * Loads the compiled bundle in the sandbox's spare worker, unless a Run or
   * a newer edit came first (the Run compiles and sends it itself).
   */
  private async stage(request: CompileRequest): Promise<void> {
    const ahead = ++this.aheadId;
    const generation = this.generation;
    const compiled = await pageCompiler().compile(request);
    if (!compiled.ok || ahead !== this.aheadId || generation !== this.generation) return;
    await this.host.stage(compiled.code, compiled.map);
  }

  /** Calls `listener` with true while a compile waits for the compiler to start (see CompilerClient.onStarting). */
  onCompilerStarting(listener: (starting: boolean) => void): () => void {
    return pageCompiler().onStarting(listener);
  }

  get explorerReady(): boolean {
    return this.host.explorerReady;
  }

  explore(request: ExplorerRequest): Promise<ExplorerResponse> {
    return this.host.explore(request);
  }

  dispose(): void {
    this.host.dispose();
  }
}
