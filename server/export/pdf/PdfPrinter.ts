/**
 * PDF by Chromium's own print: the HTML export written to a temporary folder and printed there by
 * Debian's headless Chromium (`--print-to-pdf`), one browser at a time, with a deadline, the folder
 * removed afterwards. The page is A4; the document's own styles set the rest.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { refusal, type Refusal } from "../../../shared/refusals";

/** Where Debian installs Chromium; `CHROMIUM_PATH` overrides it. */
export function defaultChromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** How long one print may take before Chromium is stopped: a 5,000-paragraph draft took 72 s on a busy 2-core machine (bench, scenario 7). */
export const PRINT_TIMEOUT_MS = 300_000;

/** How many prints may wait behind the one running before more are turned away. */
export const MAX_WAITING_PRINTS = 4;

/**
 * Chromium on a server: no sandbox or GPU in a container, nothing that reaches out (no updates, no
 * sync, no background requests). The browser tests start Chromium with the same flags.
 */
export const CHROMIUM_SERVER_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A headless print with no extensions and no header or footer of Chromium's own. */
const CHROMIUM_FLAGS = ["--headless", ...CHROMIUM_SERVER_FLAGS, "--disable-extensions", "--no-pdf-header-footer"];

/**
 * What the printed page gets before the document's own styles: A4 with UN-like margins unless the
 * document sets its own, and a policy that lets the page load nothing and run nothing (the text is
 * people's words, and the file sits on the server's disk).
 */
const PRINT_HEAD = [
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
  "<style>@page { size: A4; margin: 2.5cm 2.2cm 2cm; }</style>",
].join("");

/** Why a PDF could not be made, as the route tells the reader. */
export const PdfFailure = { missing: "missing", busy: "busy", timeout: "timeout", failed: "failed" } as const;
export type PdfFailure = (typeof PdfFailure)[keyof typeof PdfFailure];

/** The refusal the reader is shown for each failure. */
const FAILURE_REFUSAL: Record<PdfFailure, Refusal> = {
  [PdfFailure.missing]: refusal("pdf-missing"),
  [PdfFailure.busy]: refusal("pdf-busy"),
  [PdfFailure.timeout]: refusal("pdf-timeout"),
  [PdfFailure.failed]: refusal("pdf-failed"),
};

/** A PDF this server cannot make now; `failure` says why. */
export class PdfUnavailableError extends Error {
  override readonly name = "PdfUnavailableError";

  constructor(
    readonly failure: PdfFailure,
    message: string,
  ) {
    super(message);
  }

  /** What the reader is shown; the English message, which names the server's paths, is for the operator. */
  get refusal(): Refusal {
    return FAILURE_REFUSAL[this.failure];
  }
}

/** How a printer is set up; tests shorten the deadline or point at a missing browser. */
export interface PdfPrinterOptions {
  chromiumPath?: string;
  timeoutMs?: number;
  maxWaiting?: number;
}

/** `html` with the print head as the first thing in its `<head>` (or in front of it all). */
export function withPrintHead(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${PRINT_HEAD}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${PRINT_HEAD}${html.slice(at)}`;
}

/** Prints HTML documents to PDF, one at a time. */
export class PdfPrinter {
  private readonly chromiumPath: string;
  private readonly timeoutMs: number;
  private readonly maxWaiting: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** Prints running or waiting. */
  private pending = 0;

  constructor(options: PdfPrinterOptions = {}) {
    this.chromiumPath = options.chromiumPath ?? defaultChromiumPath();
    this.timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS;
    this.maxWaiting = options.maxWaiting ?? MAX_WAITING_PRINTS;
  }

  /** Whether the browser is where the printer looks for it. */
  get available(): boolean {
    return fs.existsSync(this.chromiumPath);
  }

  /** The PDF of `html`; throws `PdfUnavailableError` when no browser, too many waiting, too slow, or Chromium failed. */
  async print(html: string): Promise<Buffer> {
    if (!this.available) {
      throw new PdfUnavailableError(PdfFailure.missing, `PDF export needs Chromium, which this server does not have at ${this.chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
    }
    if (this.pending > this.maxWaiting) throw new PdfUnavailableError(PdfFailure.busy, "The server is printing other PDFs; try again in a minute.");
    this.pending++;
    const turn = this.queue.then(() => this.printNow(html)).finally(() => this.pending--);
    // The next print waits for this one, whether it succeeds or not.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async printNow(html: string): Promise<Buffer> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "concord-pdf-"));
    try {
      const page = path.join(folder, "document.html");
      const pdf = path.join(folder, "document.pdf");
      fs.writeFileSync(page, withPrintHead(html));
      await this.runChromium([...CHROMIUM_FLAGS, `--user-data-dir=${path.join(folder, "profile")}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href]);
      const bytes = fs.existsSync(pdf) ? fs.readFileSync(pdf) : null;
      if (!bytes || bytes.byteLength === 0) throw new PdfUnavailableError(PdfFailure.failed, "Chromium wrote no PDF.");
      return bytes;
    } finally {
      fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    }
  }

  /** Runs Chromium in its own process group, so that the deadline stops its helper processes too. */
  private runChromium(args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.chromiumPath, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
      // Chromium logs freely (D-Bus, fonts); only the end says why it failed.
      let lastWords = "";
      child.stderr.on("data", (chunk: Buffer) => {
        lastWords = (lastWords + chunk.toString("utf8")).slice(-2000);
      });
      let timedOut = false;
      const stopGroup = () => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        } catch {
          // The group has already exited.
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        stopGroup();
      }, this.timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(new PdfUnavailableError(PdfFailure.failed, `Chromium could not start: ${error.message}`));
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        // Helpers left behind by a crashed browser would hold the profile folder open.
        stopGroup();
        if (timedOut) reject(new PdfUnavailableError(PdfFailure.timeout, `Printing the PDF took longer than ${Math.round(this.timeoutMs / 1000)} s.`));
        else if (code === 0) resolve();
        else reject(new PdfUnavailableError(PdfFailure.failed, `Chromium stopped (${signal ?? `exit code ${code}`}): ${lastWords.trim().split("\n").pop() ?? ""}`));
      });
    });
  }
}
