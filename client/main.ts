/** The browser app's entry: `/` lists the drafts, `/d/<id>` opens one. */
import { DRAFT_ID_PATTERN } from "../shared/documentLayout";
import { openDraftsPage } from "./pages/draftsPage";
import { openEditorPage } from "./pages/editorPage";
import { bindSignOut } from "./pages/signOut";
import { registerServiceWorker } from "./offline/serviceWorkerRegistration";
import { mountLanguagePicker } from "./i18n/languagePicker";
import { startUiLanguage } from "./i18n/loadCatalog";
import { preferredUiLanguage } from "./i18n/uiLanguages";

async function start(): Promise<void> {
  // The words first: every page is built in the person's language.
  await startUiLanguage(preferredUiLanguage());
  mountLanguagePicker(document.getElementById("ui-language")!);
  const main = document.getElementById("app")!;
  bindSignOut();
  const draftRoute = /^\/d\/([^/]+)$/.exec(location.pathname);
  if (draftRoute && DRAFT_ID_PATTERN.test(draftRoute[1]!)) {
    void openEditorPage(main, draftRoute[1]!);
  } else {
    void openDraftsPage(main);
  }
}

void start();
registerServiceWorker();
