// One exercise's pipeline: learner files + tests -> compile worker ->
// sandbox -> RunResult. Compile and run timings are kept for the benchmark.

import prelude from "virtual:sandbox-prelude";
import type { ExerciseData } from "../../lib/exercise-files";
import type { ExplorerRequest, ExplorerResponse, RunResult } from "../../../sandbox/protocol";
import { pageCompiler } from "../../../sandbox/host/compiler-client";
import { SandboxHost } from "../../../sandbox/host/sandbox-host";

export interface RunTimings {
  /** From Run to bundle, as the page sees it. */
  compileMs: number;
  /** The part spent inside esbuild. */
  esbuildMs: number;
  runMs: number;
}

export class ExerciseSession {
  private readonly host: SandboxHost;
  private generation = 0;
  lastTimings: RunTimings | undefined;

  /** `frameTitle` names the hidden sandbox frame in the page's language. */
  constructor(container: HTMLElement, frameTitle?: string) {
    this.host = new SandboxHost(container, prelude, frameTitle);
    void this.host.warmUp();
  }

  async run(data: ExerciseData, code: Record<string, string>): Promise<RunResult> {
    const generation = ++this.generation;
    this.host.cancel();
    const started = performance.now();
    const files: Record<string, string> = { ...code };
    for (const test of data.tests) files[test.name] = test.contents;
    const compiled = await pageCompiler().compile(data.lessonId, {
      files,
      testFiles: data.tests.map((t) => t.name),
      handler: data.handler,
      lessonTests: data.lessonTests,
    });
    if (generation !== this.generation) return { kind: "cancelled" };
    const compiledAt = performance.now();
    if (!compiled.ok) {
      this.lastTimings = { compileMs: compiledAt - started, esbuildMs: compiled.ms, runMs: 0 };
      return { kind: "compile-error", errors: compiled.errors };
    }
    const result = await this.host.run(compiled.code, compiled.map, data.timeoutMs);
    this.lastTimings = {
      compileMs: compiledAt - started,
      esbuildMs: compiled.ms,
      runMs: performance.now() - compiledAt,
    };
    return result;
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
