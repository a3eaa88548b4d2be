/**
 * The security headers every response carries (helmet): a content security policy the app already
 * satisfies — its own scripts, styles, images and sockets, nothing inline, no other host — no
 * framing, no MIME sniffing, and no referrer, since a sign-in link holds its secret in the path.
 */
import type express from "express";
import helmet from "helmet";

/** The policy's directives, for the app's pages and everything else the server sends. */
export function contentSecurityPolicy(publicUrl: string | null): Record<string, string[]> {
  // CSP's 'self' already covers ws: and wss: on the page's own host; behind a proxy the public
  // address may differ from the one the page was loaded from, so its socket address is named too.
  const publicSocket = publicUrl ? [new URL(publicUrl).origin.replace(/^http/, "ws")] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    // The page's icon is `data:,` (no request for a favicon).
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...publicSocket],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** The middleware that sets them, first in the app so that errors and 404s carry them too. */
export function securityHeaders(publicUrl: string | null): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(publicUrl) },
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    // Browsers heed this only over HTTPS; subdomains belong to whoever runs the parent domain.
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
  });
}
