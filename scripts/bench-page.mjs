// The benchmark's measurements inside the page: a click timed to the next
// painted frame after the exercise's results (or the explorer's response)
// changed, and the Run's own timeline (src/components/exercise/session.ts).

/**
 * Clicks the button labelled `button` and resolves with the ms until the
 * element labelled `region` bumps its `counter` attribute and the next
 * animation frame runs, with the exercise's Run stamps read at that moment.
 */
function timedClick(page, button, region, counter) {
  return page.evaluate(
    ([button, region, counter]) =>
      new Promise((resolve) => {
        const el = document.querySelector(`[aria-label="${region}"]`);
        const before = Number(el.getAttribute(counter));
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (Number(el.getAttribute(counter)) > before) {
            observer.disconnect();
            requestAnimationFrame(() => {
              const painted = performance.now();
              const root = document.querySelector(".ex-root");
              const stamp = (name) => Number(root?.getAttribute(`data-${name}`) ?? NaN);
              const summary = document.querySelector("[data-testid=summary]")?.textContent ?? "";
              resolve({
                t0,
                painted,
                started: stamp("run-started"),
                compiled: stamp("run-compiled"),
                result: stamp("run-result"),
                esbuild: stamp("esbuild-ms"),
                runner: stamp("runner-ms"),
                staged: root?.getAttribute("data-run-staged") === "true",
                summary,
              });
            });
          }
        });
        observer.observe(el, { attributes: true, attributeFilter: [counter] });
        [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === button).click();
      }),
    [button, region, counter],
  );
}

/**
 * Runs the exercise; resolves with the total ms from click to painted results
 * and its split: page (click to compile request), compile (the compile
 * worker's round trip; esbuild is the part inside esbuild), sandbox start
 * (bundle to the sandbox and the result back, minus the runner), runner
 * (the tests, as the runner measured them) and render (result to painted).
 */
export async function timedRun(page) {
  const t = await timedClick(page, "Run", "Test results", "data-run-count");
  const sandbox = t.result - t.compiled;
  return {
    total: t.painted - t.t0,
    page: t.started - t.t0,
    compile: t.compiled - t.started,
    esbuild: t.esbuild,
    sandboxStart: sandbox - t.runner,
    runner: t.runner,
    render: t.painted - t.result,
    staged: t.staged,
    summary: t.summary,
  };
}

/** Sends the explorer's request; resolves with ms to the painted response. */
export async function timedSend(page) {
  const t = await timedClick(page, "Send", "Response", "data-answer-count");
  return t.painted - t.t0;
}
