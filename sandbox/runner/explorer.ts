// Serves one API-explorer request with the learner's handler, inside a
// synctest bubble so goroutines, timers and contexts behave as in tests.

import type { ExplorerRequest, ExplorerResponse } from "../protocol";
import { serveExplorerRequest } from "../go/net/http/explorer";
import { run } from "../go/testing/synctest";
import type { Handler } from "../go/net/http/index";

type Answer = Omit<ExplorerResponse, "wallMs">;

function failure(error: string): Answer {
  return { status: 0, statusText: "", headers: [], body: "", error };
}

export async function serveExplorer(loadHandler: () => Promise<unknown>, request: ExplorerRequest): Promise<Answer> {
  let handler: unknown;
  try {
    handler = await loadHandler();
  } catch (error) {
    return failure(`Loading the handler failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!handler || (typeof handler !== "function" && typeof (handler as Handler).serveHTTP !== "function")) {
    return failure("The exercise's handler export is not a Handler (an object with serveHTTP) or a function.");
  }
  let answer: Answer | undefined;
  try {
    await run(
      async () => {
        answer = await serveExplorerRequest(handler as Handler, request);
      },
      { allowLeaks: true, label: "explorer" },
    );
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error));
  }
  return answer ?? failure("The handler returned no response.");
}
