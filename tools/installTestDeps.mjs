// The pre-test step: what the tests need from Debian (a browser, the readers that check exports,
// fonts for Arabic and Chinese PDFs) is installed when missing. As root it installs; otherwise it
// prints the one command that would, and fails, because the suite never skips a test.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** Each Debian package the tests use, and a file that shows it is there. */
const NEEDED = [
  { pkg: "chromium", file: process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
  { pkg: "libreoffice-writer-nogui", file: "/usr/bin/soffice" },
  { pkg: "libxml2-utils", file: "/usr/bin/xmllint" },
  { pkg: "poppler-utils", file: "/usr/bin/pdftotext" },
  { pkg: "fonts-noto-core", file: "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf" },
  { pkg: "fonts-noto-cjk", file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" },
];

const missing = NEEDED.filter(({ file }) => !fs.existsSync(file)).map(({ pkg }) => pkg);
if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    console.error(`The tests need Debian packages that are missing. Install them as root:\n  ${command}`);
    process.exit(1);
  }
  console.log(`Installing what the tests need from Debian: ${missing.join(", ")}…`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}
