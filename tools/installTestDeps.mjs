// The pre-test step: what the tests need from Debian (a browser, the readers that check exports,
// fonts for Arabic and Chinese PDFs, PostgreSQL and Redis for the stores of several processes) is
// installed when missing. As root it installs; otherwise it
// prints the one command that would, and fails, because the suite never skips a test.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** Debian keeps PostgreSQL's programs under its major version (`/usr/lib/postgresql/15/bin`); any version will do. */
function postgresInitdb() {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root) : [];
  return versions.map((version) => `${root}/${version}/bin/initdb`).find((file) => fs.existsSync(file)) ?? `${root}/15/bin/initdb`;
}

/** Each Debian package the tests use, and a file that shows it is there. */
const NEEDED = [
  { pkg: "chromium", file: process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
  { pkg: "libreoffice-writer-nogui", file: "/usr/bin/soffice" },
  { pkg: "libxml2-utils", file: "/usr/bin/xmllint" },
  { pkg: "poppler-utils", file: "/usr/bin/pdftotext" },
  { pkg: "fonts-noto-core", file: "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf" },
  { pkg: "fonts-noto-cjk", file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" },
  { pkg: "postgresql", file: postgresInitdb() },
  { pkg: "redis-server", file: "/usr/bin/redis-server" },
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
  // Another apt-get (an unattended upgrade) may hold dpkg's lock for a while: wait for it rather than fail.
  execFileSync("apt-get", ["install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=300", ...missing], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}
