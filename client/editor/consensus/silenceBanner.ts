/**
 * Silence procedures on every page: each running one with its paragraphs, its deadline in the
 * reader's own time zone and a countdown; one a state broke by objecting, with who broke it, at
 * once (from the published statuses, so observers see it too); each settled one with what was
 * adopted and who broke silence, and why. A delegation breaks silence by objecting in the paragraph panel.
 */
import type * as Y from "yjs";
import type { SilenceProcedure } from "../../../schemas/records";
import { silenceProcedures, silenceStanding } from "../../../shared/consensus/silenceProcedure";
import { TextRoot } from "../../../shared/documentLayout";
import { blockLabelsOfText } from "./blockNames";

/** How often the countdowns move. */
const TICK_MS = 30_000;

/** "2 days 3 hours", "45 minutes", "less than a minute". */
export function countdown(ms: number): string {
  if (ms <= 0) return "ended; awaiting the server";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days && `${days} day${days === 1 ? "" : "s"}`, hours && `${hours} hour${hours === 1 ? "" : "s"}`, !days && minutes % 60 && `${minutes % 60} minute${minutes % 60 === 1 ? "" : "s"}`];
  const text = parts.filter(Boolean).join(" ");
  return text ? `${text} left` : "less than a minute left";
}

/** A moment as the reader's clock shows it, with the time zone: "2 Dec 2026, 14:00 UTC". */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

/** How a procedure stands on the page: counting down, broken by an objection, or settled by the server. */
const Standing = { running: "running", broken: "broken", settled: "settled" } as const;
type Standing = (typeof Standing)[keyof typeof Standing];

function describe(procedure: SilenceProcedure, names: Map<string, string>, statuses: Y.Map<unknown>): { standing: Standing; words: string } {
  const name = (pid: string) => names.get(pid) ?? pid;
  const which = procedure.pids === "all" ? "the whole draft" : procedure.pids.map(name).join(", ");
  if (procedure.outcome) {
    const adopted = procedure.outcome.adopted.map(name).join(", ") || "nothing";
    const broken = procedure.outcome.brokenBy.map((entry) => `${entry.state} (${entry.reason})`).join("; ");
    return { standing: Standing.settled, words: `Silence procedure on ${which} ended ${localTime(procedure.outcome.settledAt)}: adopted ${adopted}.${broken ? ` Silence broken by ${broken}.` : ""}` };
  }
  const until = `until ${localTime(procedure.deadline)} (${countdown(Date.parse(procedure.deadline) - Date.now())})`;
  const standing = silenceStanding(procedure, statuses.entries());
  if (standing.brokenBy.length === 0) return { standing: Standing.running, words: `Silence procedure on ${which}, ${until}.` };
  const by = standing.brokenBy.join(", ");
  if (standing.wholly) {
    return { standing: Standing.broken, words: `Silence procedure on ${which} broken by ${by}: nothing it covers is adopted at its deadline, ${localTime(procedure.deadline)}, unless the objection is withdrawn.` };
  }
  const where = Array.from(standing.broken.keys()).map(name).join(", ");
  return { standing: Standing.broken, words: `Silence procedure on ${which}, ${until}: broken by ${by} on ${where}, which will not be adopted.` };
}

/** Keeps `banner` showing the silence procedures of the `text` room `doc`; returns the function that stops it. */
export function bindSilenceBanner(banner: HTMLElement, doc: Y.Doc): () => void {
  banner.setAttribute("role", "status");
  const statuses = doc.getMap(TextRoot.status);
  const render = () => {
    const names = blockLabelsOfText(doc);
    const procedures = silenceProcedures(doc).sort(([, a], [, b]) => (a.startedAt < b.startedAt ? 1 : -1));
    banner.replaceChildren(
      ...procedures.map(([key, procedure]) => {
        const line = document.createElement("p");
        const { standing, words } = describe(procedure, names, statuses);
        line.className = `silence ${standing}`;
        line.dataset["key"] = key;
        line.textContent = words;
        return line;
      }),
    );
    banner.hidden = procedures.length === 0;
  };
  const decisions = doc.getMap(TextRoot.decisions);
  // A status change matters here only while a procedure runs: it may say that a state broke silence.
  const onStatus = () => {
    if (silenceProcedures(doc).some(([, procedure]) => procedure.outcome === undefined)) render();
  };
  decisions.observe(render);
  statuses.observe(onStatus);
  const timer = setInterval(render, TICK_MS);
  render();
  return () => {
    decisions.unobserve(render);
    statuses.unobserve(onStatus);
    clearInterval(timer);
  };
}
