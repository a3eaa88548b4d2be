/**
 * Light on a bad line: everything the page loads of JavaScript and CSS (the app, its styles and the
 * service worker, as built by `npm run build`, which the test run does first) and the catalog of
 * the one UI language it speaks stays within 250 KB gzipped. Each language is its own chunk, loaded
 * only when chosen; the test reports each one's size and counts the largest. Source maps are
 * fetched only by developer tools and do not count.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { UI_LANGUAGES } from "../../client/i18n/uiLanguages";

/** The budget, in gzipped bytes (250 KB). */
const BUDGET_BYTES = 250_000;
const CLIENT_DIST = path.resolve(__dirname, "..", "..", "dist", "client");
const CATALOGS_DIST = path.join(CLIENT_DIST, "messages");

function gzippedBytes(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).byteLength;
}

/** Every script and stylesheet the build wrote, with its gzipped size. */
function gzippedAssets(): Array<{ file: string; bytes: number }> {
  return fs
    .readdirSync(CLIENT_DIST)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => ({ file, bytes: gzippedBytes(path.join(CLIENT_DIST, file)) }));
}

/** Each UI language's catalog, with its gzipped size. */
function gzippedCatalogs(): Array<{ language: string; bytes: number }> {
  return UI_LANGUAGES.map((language) => ({ language, bytes: gzippedBytes(path.join(CATALOGS_DIST, `${language}.json`)) }));
}

describe("the page's weight", () => {
  it(`keeps JavaScript, CSS and one language's catalog within ${BUDGET_BYTES / 1000} KB gzipped`, () => {
    const assets = gzippedAssets();
    expect(assets.map((asset) => asset.file)).toEqual(expect.arrayContaining(["app.js", "styles.css", "sw.js"]));
    const catalogs = gzippedCatalogs();
    const largestCatalog = Math.max(...catalogs.map((catalog) => catalog.bytes));
    const total = assets.reduce((sum, asset) => sum + asset.bytes, 0) + largestCatalog;
    console.info(
      `Page assets, gzipped: ${assets.map((asset) => `${asset.file} ${asset.bytes} B`).join(", ")}; ` +
        `language chunks: ${catalogs.map((catalog) => `${catalog.language} ${catalog.bytes} B`).join(", ")}; ` +
        `total with the largest chunk ${total} B of ${BUDGET_BYTES} B`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("ships no ICU parser: messages arrive compiled", () => {
    const app = fs.readFileSync(path.join(CLIENT_DIST, "app.js"), "utf8");
    // The parser's own error names (e.g. EXPECT_ARGUMENT_CLOSING_BRACE) appear only where it is bundled.
    expect(app).not.toMatch(/EXPECT_ARGUMENT_CLOSING_BRACE|MALFORMED_ARGUMENT/);
  });

  it("loads nothing from another host", () => {
    const page = fs.readFileSync(path.join(CLIENT_DIST, "index.html"), "utf8");
    const styles = fs.readFileSync(path.join(CLIENT_DIST, "styles.css"), "utf8");
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(styles).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    expect(styles).not.toMatch(/@import\s+["']?(url\()?["']?(https?:)?\/\//);
  });
});
