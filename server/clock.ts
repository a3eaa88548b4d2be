/** The server's time, injectable so that tests need not wait 72 hours for a silence procedure. */

/** A source of the current time. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const SYSTEM_CLOCK: Clock = { now: () => new Date() };
