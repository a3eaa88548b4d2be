/**
 * What a person may do with a proposal, as buttons: the chair clears (accept, reject, set aside,
 * reopen); a delegation withdraws or edits its own and co-sponsors others'. Each action calls the
 * shared function that writes the records; the server checks every write again.
 */
import type * as Y from "yjs";
import { Role, type Author } from "../../../shared/roles";
import { acceptProposal, rejectProposal, reopenProposal, setAsideProposal } from "../../../shared/proposals/clearProposal";
import { editProposal, supportProposal, withdrawProposal } from "../../../shared/proposals/proposeChange";
import type { ProposalView } from "../../../shared/proposals/readProposals";
import { addComment } from "../../../shared/comments/commentThreads";
import { CHAIR_OWNER } from "../../../shared/recordKeys";
import { t } from "../../i18n/localize";
import { refusalMessage } from "../refusalMessage";
import type { MessageKey } from "../../i18n/messageKeys";

/** One thing a person may do with a proposal. */
export interface ProposalAction {
  label: string;
  run: () => void;
}

/** What the page needs to act: the `text` room, who acts, and where to tell them what went wrong. */
export interface ActionContext {
  ydoc: Y.Doc;
  author: Author;
  report: (message: string) => void;
  /** Asks for new words in place of `current`; null when the person cancels. */
  askWords: (current: string, title?: string) => Promise<string | null>;
  /** The `floor` room, where comments live; null for those kept out of it. */
  floorDoc?: Y.Doc | null;
}

function guarded(context: ActionContext, run: () => void): () => void {
  return () => {
    try {
      run();
    } catch (error) {
      context.report(refusalMessage(error));
    }
  };
}

/** The actions `context.author` may take on `view`, in the order they are offered. */
export function proposalActions(view: ProposalView, context: ActionContext): ProposalAction[] {
  const { ydoc, author } = context;
  const actions: Array<[MessageKey, () => void]> = [];
  if (author.role === Role.chair) {
    if (view.open) {
      if (!view.where.orphaned) actions.push(["proposals.accept", () => acceptProposal(ydoc, view.key)]);
      actions.push(["proposals.reject", () => rejectProposal(ydoc, view.key)]);
      actions.push(["proposals.setAsideAction", () => setAsideProposal(ydoc, view.key)]);
    } else if (view.decision && !view.record.withdrawn) {
      actions.push([
        "proposals.reopen",
        () => {
          if (!reopenProposal(ydoc, view.key)) context.report(t("proposals.reopenedTextKept"));
        },
      ]);
    }
  } else if (author.role === Role.delegation && view.open) {
    if (view.state === author.state) {
      if (view.record.text !== undefined) {
        actions.push([
          "proposals.edit",
          () => {
            void context.askWords(view.record.text ?? "").then((words) => {
              if (words !== null) guarded(context, () => editProposal(ydoc, author.state, view.key, words))();
            });
          },
        ]);
      }
      actions.push(["proposals.withdraw", () => withdrawProposal(ydoc, author.state, view.key)]);
    } else if (view.sponsors.includes(author.state)) {
      actions.push(["proposals.stopCosponsoring", () => supportProposal(ydoc, author.state, view.key, false)]);
    } else {
      actions.push(["proposals.cosponsor", () => supportProposal(ydoc, author.state, view.key)]);
    }
  }
  const floorDoc = context.floorDoc;
  const pid = view.where.orphaned ? view.record.anchor.pid : view.where.block.pid;
  if (floorDoc && pid && author.role !== Role.observer) {
    const owner = author.role === Role.delegation ? author.state : CHAIR_OWNER;
    actions.push([
      "proposals.comment",
      () => {
        void context.askWords("").then((body) => {
          if (body !== null) guarded(context, () => addComment(floorDoc, owner, { pid, proposalId: view.key }, body))();
        });
      },
    ]);
  }
  return actions.map(([key, run]) => ({ label: t(key), run: guarded(context, run) }));
}
