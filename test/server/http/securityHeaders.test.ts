/**
 * Every response carries the security headers (issue 14, item 4): the pages, the sign-in page, the
 * app's files, the API, every export and every error — a strict content security policy, no
 * framing, no MIME sniffing and no referrer (a sign-in link holds its secret in the path).
 */
import { exportPath, SERVICE_WORKER_PATH } from "../../../shared/appPaths";
import { EXPORT_FORMATS, ExportFormat } from "../../../shared/export/exportFormat";
import { ExportView } from "../../../shared/export/exportModel";
import { Role } from "../../../shared/roles";
import { PdfPrinter } from "../../../server/export/pdf/PdfPrinter";
import { contentSecurityPolicy } from "../../../server/http/securityHeaders";
import { invite } from "../../support/members";
import { startTestServer } from "../../support/testServer";

/** The headers a response must carry, whatever it is. */
function expectSecurityHeaders(response: Response, what: string): void {
  const policy = response.headers.get("content-security-policy");
  expect({ what, policy }).toEqual({ what, policy: expect.stringContaining("default-src 'self'") });
  for (const directive of ["script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
    expect({ what, policy }).toEqual({ what, policy: expect.stringContaining(directive) });
  }
  expect({ what, policy }).not.toEqual({ what, policy: expect.stringMatching(/unsafe-inline|unsafe-eval|https?:\/\//) });
  expect({ what, nosniff: response.headers.get("x-content-type-options") }).toEqual({ what, nosniff: "nosniff" });
  expect({ what, referrer: response.headers.get("referrer-policy") }).toEqual({ what, referrer: "no-referrer" });
  expect({ what, frame: response.headers.get("x-frame-options") }).toEqual({ what, frame: "DENY" });
}

describe("the security headers", () => {
  it("are on every page, the sign-in page, the app's files, the API and its errors", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Headers" });
    const chair = await invite(server, draft.id, Role.chair);
    const other = await invite(server, draft.id, Role.observer);
    const bearer = { authorization: `Bearer ${chair.token}` };
    const responses: Array<[string, Response]> = [
      ["the drafts page", await fetch(`${server.url}/`)],
      ["the editor page", await fetch(`${server.url}/d/${draft.id}`)],
      ["the sign-in page", await fetch(`${server.url}${other.signInPath}`)],
      ["the sign-in answer", await fetch(`${server.url}${other.signInPath}`, { method: "POST", redirect: "manual" })],
      ["a spent link", await fetch(`${server.url}${other.signInPath}`, { method: "POST", redirect: "manual" })],
      ["the script", await fetch(`${server.url}/assets/app.js`)],
      ["the styles", await fetch(`${server.url}/assets/styles.css`)],
      ["the service worker", await fetch(`${server.url}${SERVICE_WORKER_PATH}`)],
      ["a missing file", await fetch(`${server.url}/assets/missing.js`)],
      ["a missing page", await fetch(`${server.url}/nowhere`)],
      ["the API", await fetch(`${server.url}/api/drafts`, { headers: bearer })],
      ["a 401", await fetch(`${server.url}/api/drafts`)],
      ["a 403", await fetch(`${server.url}/api/drafts`, { method: "POST", headers: { ...bearer, origin: "https://attacker.example" } })],
      ["the health check", await fetch(`${server.url}/health`)],
    ];
    for (const [what, response] of responses) expectSecurityHeaders(response, what);
  });

  it("are on every export", async () => {
    const server = await startTestServer({ pdfPrinter: new PdfPrinter({ chromiumPath: "/nonexistent/chromium" }) });
    const draft = await server.drafts.create({ title: "Exports" });
    const chair = await invite(server, draft.id, Role.chair);
    for (const format of EXPORT_FORMATS) {
      const response = await fetch(`${server.url}${exportPath(draft.id, format, ExportView.clean)}`, { headers: { authorization: `Bearer ${chair.token}` } });
      // PDF without Chromium is a 503, which carries them too.
      expect({ format, status: response.status }).toEqual({ format, status: format === ExportFormat.pdf ? 503 : 200 });
      expectSecurityHeaders(response, `the ${format} export`);
    }
  });

  it("let the page open sockets to the public address when it differs from the page's own", () => {
    expect(contentSecurityPolicy("https://concord.example.org").connectSrc).toEqual(["'self'", "wss://concord.example.org"]);
    expect(contentSecurityPolicy(null).connectSrc).toEqual(["'self'"]);
  });
});
