/** A small dialog that asks for words: new words for one's own proposal, or a comment. */
import { t } from "../../i18n/localize";

/** Opens a modal dialog titled `title` with `current` in a field; resolves to the words, or null when cancelled. */
export function askWords(current: string, title = current ? t("proposals.proposedWords") : t("proposals.comment")): Promise<string | null> {
  return new Promise((resolve) => {
    const dialog = document.createElement("dialog");
    dialog.className = "ask-words";
    const form = document.createElement("form");
    form.method = "dialog";
    const label = document.createElement("label");
    label.textContent = title;
    const input = document.createElement("input");
    input.type = "text";
    input.value = current;
    input.size = 60;
    label.append(document.createElement("br"), input);
    const save = document.createElement("button");
    save.value = "save";
    save.textContent = t("common.save");
    const cancel = document.createElement("button");
    cancel.value = "cancel";
    cancel.textContent = t("common.cancel");
    form.append(label, document.createElement("br"), save, " ", cancel);
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "save" ? input.value : null);
      dialog.remove();
    });
    dialog.showModal();
    input.select();
  });
}
