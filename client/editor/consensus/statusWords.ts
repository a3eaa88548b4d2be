/** How a paragraph's consensus status is named on the page, in one place for badges and panel. */
import { ConsensusStatus, type ParagraphStatus } from "../../../schemas/records";
import { t } from "../../i18n/localize";
import type { MessageKey } from "../../i18n/messageKeys";

const WORDS: Record<ConsensusStatus, MessageKey> = {
  [ConsensusStatus.objected]: "consensus.objected",
  [ConsensusStatus.bracketed]: "consensus.bracketed",
  [ConsensusStatus.underSilence]: "consensus.underSilence",
  [ConsensusStatus.agreed]: "consensus.agreed",
  [ConsensusStatus.open]: "consensus.open",
};

/** "Objected: SLV, CUB", "Agreed ad ref", "Changed since agreed", in the UI language. */
export function statusWords(status: ParagraphStatus): string {
  if (status.status === ConsensusStatus.objected && status.objectedBy?.length) return t("consensus.objectedBy", { states: status.objectedBy.join(", ") });
  if (status.changedSinceAgreed && status.status === ConsensusStatus.open) return t("consensus.changedSinceAgreed");
  return t(WORDS[status.status]);
}
