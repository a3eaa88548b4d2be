/**
 * A bad line between the browser and the server, for everything the page sends and receives (HTTP
 * and the sync sockets alike; Chromium's own network emulation leaves WebSockets alone): a TCP
 * proxy on port 0 that delays every chunk by half the round trip and lets through no more than the
 * line's throughput, each way.
 */
import net from "node:net";
import { onTestEnd } from "./cleanup";

/** A line as bad as a delegation's VPN. */
export interface LineConditions {
  /** Round-trip time added to everything, in milliseconds. */
  latencyMs: number;
  /** Throughput each way. */
  kilobitsPerSecond: number;
}

/** One direction of the line: chunks leave in order, each no sooner than the latency and the throughput allow. */
function oneWay(from: net.Socket, to: net.Socket, line: LineConditions): void {
  const bytesPerMs = (line.kilobitsPerSecond * 1000) / 8 / 1000;
  let lineFreeAt = 0;
  from.on("data", (chunk: Buffer) => {
    const now = Date.now();
    const sent = Math.max(now, lineFreeAt) + chunk.byteLength / bytesPerMs;
    lineFreeAt = sent;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, sent - now + line.latencyMs / 2);
  });
  from.on("end", () => setTimeout(() => to.end(), Math.max(0, lineFreeAt - Date.now()) + line.latencyMs / 2));
}

/** Starts a proxy to `target` (`http://host:port`) over `line`; resolves with the proxy's URL. It closes after the test. */
export async function startSlowLine(target: string, line: LineConditions): Promise<string> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const server = net.connect(Number(port), hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on("error", () => {
        client.destroy();
        server.destroy();
      });
      socket.on("close", () => sockets.delete(socket));
    }
    oneWay(client, server, line);
    oneWay(server, client, line);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  onTestEnd(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  );
  const address = proxy.address() as net.AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
