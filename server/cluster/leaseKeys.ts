/**
 * The advisory lock keys of the jobs one process of a cluster runs at a time. Advisory keys are per
 * database and shared with the store's own locks (`postgresMigrations.ts`), so every key is written
 * here once and differs from theirs ("cl" + a job number, in ASCII; JavaScript numbers, well below 2^53).
 */
export const LeaseKey = {
  /** Publishes paragraph statuses computed from the floor. */
  statusPublisher: 0x636c_0001,
  /** Settles silence procedures whose deadline has passed. */
  silenceDeadlines: 0x636c_0002,
  /** Compacts rooms' update logs. */
  compaction: 0x636c_0003,
} as const;
/** One job's lease key. */
export type LeaseKey = (typeof LeaseKey)[keyof typeof LeaseKey];
