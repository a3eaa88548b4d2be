/**
 * The chair's switch, on the drafts page, for whether observers read a draft's stances and
 * comments (its `floor` room). Turning it off closes the observers' view of them at once.
 */
import { draftPath } from "../../shared/appPaths";
import type { ListedDraft } from "../../shared/draftListing";
import { errorMessageOf, unreachableMessage } from "../connection/errorMessages";
import { NoticeKind, showNotice } from "../connection/notice";
import { localText } from "../i18n/localizedElements";

/** Asks the server to set the policy; resolves with whether it did. */
async function setObserversReadFloor(draftId: string, allowed: boolean): Promise<boolean> {
  try {
    const response = await fetch(draftPath(draftId), {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ observersReadFloor: allowed }),
    });
    if (response.ok) return true;
    showNotice(await errorMessageOf(response), NoticeKind.untilDismissed);
  } catch {
    showNotice(unreachableMessage(), NoticeKind.untilDismissed);
  }
  return false;
}

/** The labelled checkbox for `draft`, which the chair may change. */
export function observerPolicySwitch(draft: ListedDraft): HTMLElement {
  const box = document.createElement("input");
  box.type = "checkbox";
  box.className = "observers-read-floor";
  box.checked = draft.observersReadFloor;
  box.addEventListener("change", () => {
    const wanted = box.checked;
    box.disabled = true;
    void setObserversReadFloor(draft.id, wanted).then((done) => {
      box.disabled = false;
      if (!done) box.checked = !wanted;
    });
  });
  const label = document.createElement("label");
  label.className = "draft-policy";
  label.append(box, " ", localText("pages.observersSeeFloor"));
  return label;
}
