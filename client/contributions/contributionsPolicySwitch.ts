/**
 * The chair's switch, on the drafts page, for whether observers read a draft's written
 * contributions (its `contributions` room): apart from stances and comments, since the OEWG posts
 * contributions publicly. Turning it off closes the observers' view of them at once.
 */
import { draftPath } from "../../shared/appPaths";
import type { ListedDraft } from "../../shared/draftListing";
import { errorMessageOf, unreachableMessage } from "../connection/errorMessages";
import { NoticeKind, showNotice } from "../connection/notice";
import { localText } from "../i18n/localizedElements";

/** Asks the server to set the policy; resolves with whether it did. */
async function setObserversReadContributions(draftId: string, allowed: boolean): Promise<boolean> {
  try {
    const response = await fetch(draftPath(draftId), {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ observersReadContributions: allowed }),
    });
    if (response.ok) return true;
    showNotice(await errorMessageOf(response), NoticeKind.untilDismissed);
  } catch {
    showNotice(unreachableMessage(), NoticeKind.untilDismissed);
  }
  return false;
}

/** The labelled checkbox for `draft`, which the chair may change. */
export function contributionsPolicySwitch(draft: ListedDraft): HTMLElement {
  const box = document.createElement("input");
  box.type = "checkbox";
  box.className = "observers-read-contributions";
  box.checked = draft.observersReadContributions;
  box.addEventListener("change", () => {
    const wanted = box.checked;
    box.disabled = true;
    void setObserversReadContributions(draft.id, wanted).then((done) => {
      box.disabled = false;
      if (!done) box.checked = !wanted;
    });
  });
  const label = document.createElement("label");
  label.className = "draft-policy";
  label.append(box, " ", localText("contributions.observersRead"));
  return label;
}
