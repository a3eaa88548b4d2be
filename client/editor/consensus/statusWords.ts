/** How a paragraph's consensus status is named on the page, in one place for badges and panel. */
import { ConsensusStatus, type ParagraphStatus } from "../../../schemas/records";

const WORDS: Record<ConsensusStatus, string> = {
  [ConsensusStatus.objected]: "Objected",
  [ConsensusStatus.bracketed]: "Bracketed",
  [ConsensusStatus.underSilence]: "Under silence",
  [ConsensusStatus.agreed]: "Agreed ad ref",
  [ConsensusStatus.open]: "Open",
};

/** "Objected: SLV, CUB", "Agreed ad ref", "Open — changed since agreed". */
export function statusWords(status: ParagraphStatus): string {
  if (status.status === ConsensusStatus.objected && status.objectedBy?.length) return `${WORDS.objected}: ${status.objectedBy.join(", ")}`;
  if (status.changedSinceAgreed && status.status === ConsensusStatus.open) return "Changed since agreed";
  return WORDS[status.status];
}
