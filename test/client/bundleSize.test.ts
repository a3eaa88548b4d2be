/**
 * Light on a bad line: everything the page loads of JavaScript and CSS (the app, its styles and the
 * service worker, as built by `npm run build`, which the test run does first) stays within 250 KB
 * gzipped. Source maps are fetched only by developer tools and do not count.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The budget, in gzipped bytes (250 KB). */
const BUDGET_BYTES = 250_000;
const CLIENT_DIST = path.resolve(__dirname, "..", "..", "dist", "client");

/** Every script and stylesheet the build wrote, with its gzipped size. */
function gzippedAssets(): Array<{ file: string; bytes: number }> {
  return fs
    .readdirSync(CLIENT_DIST)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => ({ file, bytes: zlib.gzipSync(fs.readFileSync(path.join(CLIENT_DIST, file)), { level: 9 }).byteLength }));
}

describe("the page's weight", () => {
  it(`keeps JavaScript and CSS within ${BUDGET_BYTES / 1000} KB gzipped`, () => {
    const assets = gzippedAssets();
    expect(assets.map((asset) => asset.file)).toEqual(expect.arrayContaining(["app.js", "styles.css", "sw.js"]));
    const total = assets.reduce((sum, asset) => sum + asset.bytes, 0);
    console.info(`Page assets, gzipped: ${assets.map((asset) => `${asset.file} ${asset.bytes} B`).join(", ")}; total ${total} B of ${BUDGET_BYTES} B`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("loads nothing from another host", () => {
    const page = fs.readFileSync(path.join(CLIENT_DIST, "index.html"), "utf8");
    const styles = fs.readFileSync(path.join(CLIENT_DIST, "styles.css"), "utf8");
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(styles).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    expect(styles).not.toMatch(/@import\s+["']?(url\()?["']?(https?:)?\/\//);
  });
});
