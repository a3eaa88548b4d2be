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
import { httpErrors } from "./HttpError";
import { requireUser, route } from "./requestContext";

const SIGN_IN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in — Concord</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/styles.css"></head>
<body><main class="sign-in"><h1>Concord</h1><p>This link signs you in to the draft you were invited to. It works once.</p>
<form method="post"><button type="submit" id="sign-in">Sign in</button></form></main></body></html>`;

function sessionCookie(request: express.Request, value: string, maxAgeMs: number): string {
  const secure = request.secure ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeMs / 1000)}${secure}`;
}

/** The sign-in and session routes. */
export function authRoutes(identity: IdentityStore): express.Router {
  const router = express.Router();

  // Opening the link only shows a button: mail scanners that fetch links would otherwise spend a
  // single-use invitation before the delegate ever clicks it.
  router.get(`${SIGN_IN_PATH}/:secret`, (_request, response) => {
    response.setHeader("Cache-Control", "no-store");
    response.type("html").send(SIGN_IN_PAGE);
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
