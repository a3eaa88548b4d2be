/** Sign-in by invitation link, sign-out, and who am I. */
import express from "express";
import { SIGN_OUT_ROUTE } from "../../shared/appPaths";
import { SESSION_COOKIE, SESSION_TTL_MS, sessionSecret } from "../identity/authenticate";
import type { IdentityStore } from "../identity/IdentityStore";
import { redeemInvitation, SIGN_IN_PATH } from "../identity/invitations";
import { hashSecret } from "../identity/secrets";
import { log, LogEvent } from "../log";
import { clientAddress } from "./clientAddress";
import { connectionProven } from "./ConnectionGate";
import { HttpError, httpErrors } from "./HttpError";
import type { LocalizedPages } from "./LocalizedPages";
import { requireUser, route } from "./requestContext";

/** The page's words depend on these: caches must not hand one person's language to another. */
const VARY_BY_LANGUAGE = "Accept-Language, Cookie";

function sessionCookie(request: express.Request, value: string, maxAgeMs: number): string {
  const secure = request.secure ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeMs / 1000)}${secure}`;
}

/** The sign-in and session routes; `pages` writes the sign-in page in the person's language. */
export function authRoutes(identity: IdentityStore, pages: LocalizedPages): express.Router {
  const router = express.Router();

  // Opening the link only shows a button: mail scanners that fetch links would otherwise spend a
  // single-use invitation before the delegate ever clicks it.
  router.get(`${SIGN_IN_PATH}/:secret`, (request, response) => {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Vary", VARY_BY_LANGUAGE);
    response.type("html").send(pages.signIn(request));
  });

  router.post(
    `${SIGN_IN_PATH}/:secret`,
    route(async (request, response) => {
      const signedIn = await redeemInvitation(identity, String(request.params.secret));
      if (!signedIn) {
        log.info(LogEvent.signInRefused, { address: clientAddress(request) });
        throw httpErrors.linkSpent();
      }
      connectionProven(request.socket);
      log.info(LogEvent.signIn, { userId: signedIn.userId, draftId: signedIn.draftId ?? null, address: clientAddress(request) });
      response.setHeader("Set-Cookie", sessionCookie(request, signedIn.session, SESSION_TTL_MS));
      response.setHeader("Cache-Control", "no-store");
      response.redirect(303, signedIn.draftId ? `/d/${signedIn.draftId}` : "/");
    }),
  );

  // Signing out ends the session on the server too: a copied cookie is worth nothing afterwards.
  router.post(
    SIGN_OUT_ROUTE,
    route(async (request, response) => {
      const secret = sessionSecret(request);
      if (secret) await identity.endSession(hashSecret(secret));
      response.setHeader("Set-Cookie", sessionCookie(request, "", 0));
      response.status(204).end();
    }),
  );

  router.get(
    "/api/me",
    route(async (request, response) => {
      const user = await requireUser(identity, request);
      response.json({ user: { id: user.id, name: user.name, organizer: user.organizer }, memberships: await identity.membershipsOfUser(user.id) });
    }),
  );

  return router;
}

/**
 * Error handler for the sign-in paths: a browser's form post that is refused (a spent link, too
 * many failures, a foreign page) gets a page saying why in the person's language, not the API's
 * JSON; a script still gets the JSON from the app's edge.
 */
export function signInRefusals(pages: LocalizedPages): express.ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (!(error instanceof HttpError) || request.accepts(["json", "html"]) !== "html") {
      next(error);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Vary", VARY_BY_LANGUAGE);
    response.status(error.status).type("html").send(pages.refusal(request, error));
  };
}
