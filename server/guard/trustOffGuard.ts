/**
 * Bench only (`CONCORD_BENCH_TRUST_OFF=1`): a guard that checks nothing and relays before the
 * commit, so the benchmark can measure what trust costs. Never installed in production: it gives
 * up invariants 1 to 5.
 */
import type { WriteGuard } from "./WriteGuard";

/** Lets every update through, its client ids unclaimed, and relays it before it is committed. */
export const TRUST_OFF_GUARD: WriteGuard = {
  check: () => ({ footprint: { touched: [], records: [], clientIds: new Set<number>(), empty: false }, newClientIds: [] }),
  relaysOnlyCommitted: false,
};
