/** Installs the service worker that keeps the app's shell for offline reloads (client/serviceWorker.ts). */
import { SERVICE_WORKER_PATH } from "../../shared/appPaths";

/** Registers the service worker where the browser has them (they need https or localhost). */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(SERVICE_WORKER_PATH).catch((error: unknown) => {
    // Without it the app still works online; only an offline reload is lost.
    console.info("Concord works online only here: the service worker was not installed.", error);
  });
}
