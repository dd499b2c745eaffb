// "A new version of the course is available": when a new deployment's
// service worker has installed, it waits (skipWaiting is off) and the page
// shows a banner. Only the learner's click activates it and reloads, so a
// page or a Run in progress never changes under the learner's hands.

export function offerUpdates(registration: ServiceWorkerRegistration, doc: Document): void {
  const banner = doc.querySelector<HTMLElement>("[data-update-banner]");
  if (!banner) return;
  let asked = false;
  const offer = (worker: ServiceWorker) => {
    banner.hidden = false;
    banner.querySelector("button")?.addEventListener("click", () => {
      asked = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
  };
  // Installed while the registration has an active worker = an update. Not the
  // page's controller: a page of a language visited first is controlled by
  // another language's worker while its own installs for the first time.
  if (registration.waiting && registration.active) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed" && registration.active) offer(installing);
    });
  });
  // controllerchange also fires when the first worker claims the page: reload only when asked.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (asked) location.reload();
  });
}
