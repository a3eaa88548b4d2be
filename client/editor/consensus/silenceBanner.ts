/**
 * Silence procedures on every page: each running one with its paragraphs, its deadline in the
 * reader's own time zone and a countdown; each settled one with what was adopted and who broke
 * silence, and why. A delegation breaks silence by objecting in the paragraph panel.
 */
import type * as Y from "yjs";
import type { SilenceProcedure } from "../../../schemas/records";
import { silenceProcedures } from "../../../shared/consensus/silenceProcedure";
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

function localTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

function describe(procedure: SilenceProcedure, names: Map<string, string>): string {
  const which = procedure.pids === "all" ? "the whole draft" : procedure.pids.map((pid) => names.get(pid) ?? pid).join(", ");
  if (!procedure.outcome) return `Silence procedure on ${which}, until ${localTime(procedure.deadline)} (${countdown(Date.parse(procedure.deadline) - Date.now())}).`;
  const adopted = procedure.outcome.adopted.map((pid) => names.get(pid) ?? pid).join(", ") || "nothing";
  const broken = procedure.outcome.brokenBy.map((entry) => `${entry.state} (${entry.reason})`).join("; ");
  return `Silence procedure on ${which} ended ${localTime(procedure.outcome.settledAt)}: adopted ${adopted}.${broken ? ` Silence broken by ${broken}.` : ""}`;
}

/** Keeps `banner` showing the silence procedures of the `text` room `doc`; returns the function that stops it. */
export function bindSilenceBanner(banner: HTMLElement, doc: Y.Doc): () => void {
  banner.setAttribute("role", "status");
  const render = () => {
    const names = blockLabelsOfText(doc);
    const procedures = silenceProcedures(doc).sort(([, a], [, b]) => (a.startedAt < b.startedAt ? 1 : -1));
    banner.replaceChildren(
      ...procedures.map(([key, procedure]) => {
        const line = document.createElement("p");
        line.className = procedure.outcome ? "silence settled" : "silence running";
        line.dataset["key"] = key;
        line.textContent = describe(procedure, names);
        return line;
      }),
    );
    banner.hidden = procedures.length === 0;
  };
  const decisions = doc.getMap(TextRoot.decisions);
  decisions.observe(render);
  const timer = setInterval(render, TICK_MS);
  render();
  return () => {
    decisions.unobserve(render);
    clearInterval(timer);
  };
}
