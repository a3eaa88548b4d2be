/** The Express app: health, the drafts API and the browser app. */
import fs from "node:fs";
import path from "node:path";
import express from "express";
import type { Drafts } from "../drafts/Drafts";

/** Where the built app's files are served from. */
export const ASSETS_PATH = "/assets";

/** Builds the HTTP side of the server. */
export function createApp(drafts: Drafts, clientDir: string): express.Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });

  app.get("/api/drafts", async (_req, res, next) => {
    try {
      res.json({ drafts: await drafts.list() });
    } catch (error) {
      next(error);
    }
  });

  app.get("/api/drafts/:id", async (req, res, next) => {
    try {
      const draft = await drafts.get(req.params.id);
      if (!draft) {
        res.status(404).json({ error: "unknown-draft" });
        return;
      }
      res.json({ draft });
    } catch (error) {
      next(error);
    }
  });

  app.use(ASSETS_PATH, express.static(clientDir, { index: false, fallthrough: false }));

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

  app.use((_req, res) => {
    res.status(404).json({ error: "not-found" });
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(error);
    res.status(500).json({ error: "internal" });
  });
  return app;
}
