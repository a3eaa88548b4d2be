/** A draft's progress in words, as the drafts page says it: each figure one message with its counts. */
import type { Progress } from "../../schemas/records";
import type { MessageValues } from "../i18n/localize";
import type { MessageKey } from "../i18n/messageKeys";

/** A message's key and the values of its placeholders, for `t()` or a bound node. */
export interface ProgressMessage {
  key: MessageKey;
  values: MessageValues;
}

/** "37/52 paragraphs agreed", "14 open brackets", "Objections to 3 paragraphs", as messages. */
export function progressMessages(progress: Progress): { agreed: ProgressMessage; brackets: ProgressMessage; objections: ProgressMessage } {
  return {
    agreed: { key: "pages.paragraphsAgreed", values: { agreed: progress.agreed, total: progress.total } },
    brackets: { key: "pages.openBrackets", values: { count: progress.openProposals } },
    objections: { key: "pages.objections", values: { count: progress.objected } },
  };
}
