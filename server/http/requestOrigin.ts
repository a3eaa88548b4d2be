/**
 * Whose page a request comes from, for the requests that change something (REST writes, sign-in,
 * sync sockets): Concord's own origin, no page at all (a script, curl, the stock y-websocket client
 * in Node), or a page of another origin — another site, or another port of the same host, whose
 * requests a browser would still send with the session cookie (`SameSite=Lax` is per site).
 *
 * Browsers send `Origin` on every WebSocket handshake and on every cross-origin POST, PATCH, PUT or
 * DELETE, and `Sec-Fetch-Site` on every request. A request with neither is therefore not a page's,
 * whatever credential it carries, and is let through: whoever holds the cookie outside a browser
 * holds the session anyway. `Origin: null` (a sandboxed frame, a `data:` page, or a same-origin form
 * under `Referrer-Policy: no-referrer`, as Concord's sign-in form is) counts as Concord's own only
 * when `Sec-Fetch-Site` says same-origin.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type express from "express";
import { SIGN_IN_PATH } from "../identity/invitations";
import { log, LogEvent } from "../log";
import { clientAddress } from "./clientAddress";
import { httpErrors } from "./HttpError";

/** Where a request comes from. */
export const RequestOrigin = {
  /** A page of Concord's own origin (its public URL, or the address the request was sent to). */
  own: "own",
  /** No page: a script or a command-line client. */
  noPage: "no-page",
  /** A page of another origin. */
  foreign: "foreign",
} as const;
export type RequestOrigin = (typeof RequestOrigin)[keyof typeof RequestOrigin];

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origin the request was addressed to: its `Host`, over TLS or behind a proxy that says it was. */
function addressedOrigin(request: IncomingMessage): string | null {
  const host = header(request, "host");
  if (!host) return null;
  const forwarded = header(request, "x-forwarded-proto")?.split(",")[0]?.trim();
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : (request.socket as TLSSocket).encrypted ? "https" : "http";
  return originOf(`${scheme}://${host}`);
}

/** Where `request` comes from, given the server's public URL (`CONCORD_PUBLIC_URL`), if configured. */
export function requestOrigin(request: IncomingMessage, publicUrl: string | null): RequestOrigin {
  const site = header(request, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") return RequestOrigin.foreign;
  const origin = header(request, "origin");
  if (origin === undefined) return site === undefined ? RequestOrigin.noPage : RequestOrigin.own;
  if (origin === "null") return site === "same-origin" ? RequestOrigin.own : RequestOrigin.foreign;
  const sent = originOf(origin);
  const own = [publicUrl ? originOf(publicUrl) : null, addressedOrigin(request)];
  return sent !== null && own.includes(sent) ? RequestOrigin.own : RequestOrigin.foreign;
}

/** Methods that change something, whose requests must not come from a foreign page. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** Refuses (403, logged) a state-changing request from a foreign page; reads and scripts pass. */
export function refuseForeignPages(publicUrl: string | null): express.RequestHandler {
  return (request, _response, next) => {
    if (!STATE_CHANGING_METHODS.has(request.method) || requestOrigin(request, publicUrl) !== RequestOrigin.foreign) return next();
    log.warn(LogEvent.originRefused, { method: request.method, route: routeName(request), origin: header(request, "origin") ?? null, address: clientAddress(request) });
    next(httpErrors.foreignOrigin());
  };
}

/** The route a request is for, without the secret a sign-in path holds. */
function routeName(request: express.Request): string {
  return request.path.startsWith(`${SIGN_IN_PATH}/`) ? `${SIGN_IN_PATH}/…` : request.path;
}
