/**
 * The service worker: keeps the app's shell (the page and its script and styles) on this device,
 * so that a delegation can reload a draft while offline and keep working from its local copy. It
 * fetches from the network first, so an online page always runs the current app, and falls back
 * to the kept copy only when the network fails. It never keeps API answers or draft contents.
 */

import { ASSETS_PATH, catalogPath } from "../shared/appPaths";
import { UI_LANGUAGES } from "./i18n/uiLanguages";

/** The parts of the service worker scope this file uses (the DOM library has no worker types). */
interface WorkerScope {
  addEventListener(type: "install" | "activate", listener: (event: { waitUntil(work: Promise<unknown>): void }) => void): void;
  addEventListener(type: "fetch", listener: (event: { request: Request; respondWith(response: Promise<Response>): void }) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const scope = self as unknown as WorkerScope;

/** Bump when the shell's list changes; older caches are deleted on activation. */
const SHELL_CACHE = "concord-shell-2";
/** The page every app route serves (`/` and `/d/<id>` are the same file). */
const PAGE_KEY = "/";
/** The shell: the page, its script and styles, and every UI language's catalog (a few KB each), so a switch works offline. */
const SHELL = [PAGE_KEY, `${ASSETS_PATH}/app.js`, `${ASSETS_PATH}/styles.css`, ...UI_LANGUAGES.map(catalogPath)];
const APP_ROUTE = /^\/(d\/[^/]+)?$/;
const ASSET_ROUTE = /^\/assets\/(messages\/)?[^/]+\.(js|css|json)$/;

scope.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => scope.clients.claim()),
  );
});

/** The network's answer, kept for later; the kept answer when the network fails. */
async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.mode === "navigate" && APP_ROUTE.test(url.pathname)) event.respondWith(networkFirst(request, PAGE_KEY));
  else if (ASSET_ROUTE.test(url.pathname)) event.respondWith(networkFirst(request, url.pathname));
});
