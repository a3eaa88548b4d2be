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
import { formatDeadline, formatDuration } from "../../i18n/formatDates";
import { onLanguageChange, t } from "../../i18n/localize";

/** How often the countdowns move. */
const TICK_MS = 30_000;

/** "2 days 3 hours left", "45 minutes left", "less than a minute left", in the UI language. */
export function countdown(ms: number): string {
  if (ms <= 0) return t("consensus.countdownEnded");
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  // Minutes only count while less than a day is left: "2 days 3 hours", "3 hours 5 minutes".
  if (minutes === 0) return t("consensus.lessThanMinuteLeft");
  return t("consensus.timeLeft", { time: formatDuration({ day: days, hour: hours, minute: days ? 0 : minutes % 60 }) });
}

/** How a procedure stands on the page: counting down, broken by an objection, or settled by the server. */
const Standing = { running: "running", broken: "broken", settled: "settled" } as const;
type Standing = (typeof Standing)[keyof typeof Standing];

function describe(procedure: SilenceProcedure, names: Map<string, string>, statuses: Y.Map<unknown>): { standing: Standing; words: string } {
  const name = (pid: string) => names.get(pid) ?? pid;
  const which = procedure.pids === "all" ? t("consensus.wholeDraftInSentence") : procedure.pids.map(name).join(", ");
  if (procedure.outcome) {
    const settled = { which, time: formatDeadline(procedure.outcome.settledAt), adopted: procedure.outcome.adopted.map(name).join(", ") || t("consensus.nothing") };
    const broken = procedure.outcome.brokenBy.map((entry) => t("consensus.brokenByWithReason", { state: entry.state, reason: entry.reason })).join("; ");
    return { standing: Standing.settled, words: broken ? t("consensus.silenceSettledBroken", { ...settled, broken }) : t("consensus.silenceSettled", settled) };
  }
  const deadline = formatDeadline(procedure.deadline);
  const left = countdown(Date.parse(procedure.deadline) - Date.now());
  const standing = silenceStanding(procedure, statuses.entries());
  if (standing.brokenBy.length === 0) return { standing: Standing.running, words: t("consensus.silenceRunning", { which, deadline, left }) };
  const states = standing.brokenBy.join(", ");
  if (standing.wholly) return { standing: Standing.broken, words: t("consensus.silenceBrokenWholly", { which, states, deadline }) };
  const where = Array.from(standing.broken.keys()).map(name).join(", ");
  return { standing: Standing.broken, words: t("consensus.silenceBrokenPartly", { which, deadline, left, states, where }) };
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
  const stopLanguage = onLanguageChange(render);
  render();
  return () => {
    stopLanguage();
    decisions.unobserve(render);
    statuses.unobserve(onStatus);
    clearInterval(timer);
  };
}
