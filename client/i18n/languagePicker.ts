/**
 * The top bar's choice of the page's language: the six UN languages, each named in itself. The
 * choice changes the page at once (nothing reloads, the open draft and the caret stay) and is
 * remembered on this device.
 */
import { UN_LANGUAGES } from "../../shared/languages";
import { NoticeKind, showNotice } from "../connection/notice";
import { switchUiLanguage } from "./loadCatalog";
import { t, uiLanguage } from "./localize";
import { setLocalAttribute } from "./localizedElements";
import { PSEUDO_LANGUAGE } from "./uiLanguages";

/** Fills `host` with the language picker. */
export function mountLanguagePicker(host: HTMLElement): void {
  const picker = document.createElement("select");
  picker.className = "ui-language";
  setLocalAttribute(picker, "aria-label", "common.uiLanguage");
  const choices: Array<[string, string, string]> = UN_LANGUAGES.map((language) => [language.code, language.nativeName, language.code]);
  if (uiLanguage() === PSEUDO_LANGUAGE) choices.push([PSEUDO_LANGUAGE, "Ƥšéúðó", "en"]);
  for (const [code, name, lang] of choices) {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = name;
    // Each name is in its own language, so a screen reader reads "العربية" in Arabic.
    option.lang = lang;
    picker.append(option);
  }
  picker.value = uiLanguage();
  // Only the picker's own notice goes once a language loads: another (unsaved work to download, say) stays.
  let clearFailure = () => {};
  picker.addEventListener("change", () => {
    const chosen = picker.value;
    switchUiLanguage(chosen).then(
      () => clearFailure(),
      () => {
        picker.value = uiLanguage();
        const name = UN_LANGUAGES.find((language) => language.code === chosen)?.nativeName ?? chosen;
        clearFailure = showNotice(t("common.languageLoadFailed", { language: name }), NoticeKind.untilDismissed);
      },
    );
  });
  host.replaceChildren(picker);
}
