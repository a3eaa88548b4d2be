/**
 * The limit on guessing holds across a cluster (issue 16: every promise of one machine kept): an
 * address's failed sign-ins are counted in Redis, so guesses spread over two processes are refused
 * once their sum reaches the limit, on both.
 */
import { startTestCluster } from "../../support/cluster";

const LIMIT = 4;

it("counts an address's failed sign-ins on both processes together", async () => {
  const { servers } = await startTestCluster(2, { limits: { maxFailuresPerWindow: LIMIT } });
  const guess = (server: { url: string }, i: number) => fetch(`${server.url}/signin/guess-${i}`, { method: "POST", redirect: "manual" });
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i++) statuses.push((await guess(servers[i % 2]!, i)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(410));
  for (const server of servers) {
    const refused = await guess(server, LIMIT);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  }
});
