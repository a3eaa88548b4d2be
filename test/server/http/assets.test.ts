/** The app's scripts and styles go out compressed as the build wrote them, and plain to clients that ask for that. */
import http from "node:http";
import { startTestServer } from "../../support/testServer";

/** The headers and byte count of a GET, with no decompression on the way. */
function get(url: string, acceptEncoding: string | null): Promise<{ status: number; encoding: string | undefined; bytes: number }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding };
    http
      .get(url, { headers }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, encoding: response.headers["content-encoding"], bytes }));
      })
      .on("error", reject);
  });
}

describe("the app's assets", () => {
  it("are sent brotli- or gzip-compressed when the browser accepts it, plain otherwise", async () => {
    const server = await startTestServer();
    const plain = await get(`${server.url}/assets/app.js`, null);
    const brotli = await get(`${server.url}/assets/app.js`, "gzip, deflate, br");
    const gzip = await get(`${server.url}/assets/app.js`, "gzip");
    expect([plain.status, brotli.status, gzip.status]).toEqual([200, 200, 200]);
    expect([plain.encoding, brotli.encoding, gzip.encoding]).toEqual([undefined, "br", "gzip"]);
    expect(brotli.bytes).toBeLessThan(plain.bytes / 3);
    expect((await get(`${server.url}/assets/missing.js`, "br")).status).toBe(404);
  });
});
