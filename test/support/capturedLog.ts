/** The server's structured log, read by a test: every line written until the test ends, parsed. */
import { Writable } from "node:stream";
import { redirectLog, type LogLevel } from "../../server/log";
import { onTestEnd } from "./cleanup";

/** One line of the log. */
export type LogLine = { level: string; event: string } & Record<string, unknown>;

/** The log's lines so far, and the raw text (to look for what must never be written). */
export interface CapturedLog {
  lines(): LogLine[];
  text(): string;
}

/** Captures the log at `level` for the rest of the test. */
export function captureLog(level: LogLevel = "debug"): CapturedLog {
  let text = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  onTestEnd(redirectLog(sink, level));
  return {
    text: () => text,
    lines: () =>
      text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as LogLine),
  };
}
