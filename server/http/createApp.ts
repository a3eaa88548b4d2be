/** The Express app: health, sign-in, the REST API and the browser app. */
import fs from "node:fs";
import path from "node:path";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { ASSETS_PATH, SERVICE_WORKER_PATH } from "../../shared/appPaths";
import type { Clock } from "../clock";
import type { Drafts } from "../drafts/Drafts";
import type { PdfPrinter } from "../export/pdf/PdfPrinter";
import type { Storage } from "../storage/Storage";
import type { LiveConnections } from "../sync/LiveConnections";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { SIGN_IN_PATH } from "../identity/invitations";
import { auditRoutes } from "./auditRoutes";
import { authRoutes, signInRefusals } from "./authRoutes";
import { draftRoutes } from "./draftRoutes";
import { contributionRoutes } from "./contributionRoutes";
import { exportRoutes } from "./exportRoutes";
import type { FailureLimit } from "./FailureLimit";
import { httpErrors } from "./HttpError";
import { refuseForeignPages } from "./requestOrigin";
import { securityHeaders } from "./securityHeaders";
import { answerError, MAX_JSON_BODY } from "./answerError";
import { LocalizedPages } from "./LocalizedPages";
import { memberRoutes } from "./memberRoutes";
import { newDraftRoutes } from "./newDraftRoutes";
import { paragraphHistoryRoutes } from "./paragraphHistoryRoutes";
import { redlineRoutes } from "./redlineRoutes";
import { revisionRoutes } from "./revisionRoutes";
import { snapshotRoutes } from "./snapshotRoutes";

export { MAX_JSON_BODY } from "./answerError";

/** What the routes need from the server. */
export interface AppContext {
  storage: Storage;
  drafts: Drafts;
  live: LiveConnections;
  rooms: RoomRegistry;
  pdfPrinter: PdfPrinter;
  /** The server's time: a revision's publication time and default date. */
  clock: Clock;
  /** Told once a revision is published (the status publisher saves the draft's new symbol). */
  onRevisionPublished?: (draftId: string) => void;
  /** Failed sign-ins and tokens per address. */
  failures: FailureLimit;
  /** The server's public URL, whose pages may change things besides the server's own address. */
  publicUrl: string | null;
}

/** Builds the HTTP side of the server. */
export function createApp({ storage, drafts, live, rooms, pdfPrinter, clock, onRevisionPublished, failures, publicUrl }: AppContext, clientDir: string): express.Express {
  const app = express();
  const pages = new LocalizedPages(clientDir);
  app.disable("x-powered-by");
  app.use(securityHeaders(publicUrl));
  app.use(["/api", SIGN_IN_PATH], failures.middleware());
  app.use(refuseForeignPages(publicUrl));
  app.use(express.json({ limit: MAX_JSON_BODY }));

  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  app.use(authRoutes(storage.identity, pages));
  app.use(newDraftRoutes(storage.identity, drafts));
  app.use(draftRoutes(storage.identity, drafts, rooms));
  app.use(memberRoutes(storage.identity, drafts, live));
  app.use(auditRoutes(storage));
  app.use(paragraphHistoryRoutes(storage, drafts, rooms));
  app.use(snapshotRoutes(storage.identity, drafts, rooms));
  app.use(exportRoutes(storage.identity, drafts, rooms, pdfPrinter));
  app.use(contributionRoutes(storage.identity, drafts, rooms, pdfPrinter));
  app.use(redlineRoutes(storage, drafts, rooms, pdfPrinter));
  app.use(revisionRoutes(storage.identity, drafts, { storage, rooms, clock, published: onRevisionPublished }));

  // Scripts and styles go out as the build compressed them (brotli, else gzip): a delegation on a
  // 400 kbit/s line downloads about a third of the bytes.
  app.use(ASSETS_PATH, expressStaticGzip(clientDir, { index: false, enableBrotli: true, orderPreference: ["br", "gz"], serveStatic: { fallthrough: false } }), quietAssetRefusal);
  // The service worker must be served from the root to look after the app's routes; browsers
  // check it for updates, so it is never cached.
  app.get(SERVICE_WORKER_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(path.join(clientDir, "sw.js"));
  });

  const indexFile = path.join(clientDir, "index.html");
  const sendApp = (_req: express.Request, res: express.Response) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type("text").send("The app is not built: run `npm run build`.");
      return;
    }
    res.sendFile(indexFile);
  };
  app.get("/", sendApp);
  app.get("/d/:id", sendApp);

  app.use((_req, _res, next) => {
    next(httpErrors.notFound("page-not-found"));
  });
  app.use(SIGN_IN_PATH, signInRefusals(pages));
  app.use(answerError);
  return app;
}

/**
 * A path the static files refuse (`/assets/..%2F..%2Fpackage.json` is 403 from `send`, a bad
 * encoding 400) is a missing file to whoever asks: a quiet 404, not a server error in the log.
 */
function quietAssetRefusal(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  const status = (error as { status?: number }).status;
  if (status !== undefined && status >= 400 && status < 500) {
    next(httpErrors.notFound("file-not-found"));
    return;
  }
  next(error);
}
