/**
 * The Export menu of the editor and drafts pages: a button that opens the choice of text (the views
 * the reader may export) and of file (every format), and downloads the file from the export route.
 * While the server prepares it, the menu says so ("Preparing the Word file…"); a failure is said
 * beside the menu, in words. Its words are bound to the catalogs and follow the UI language.
 */
import { exportPath } from "../../shared/appPaths";
import { assertNever } from "../../shared/assertNever";
import { EXPORT_FILES, EXPORT_FORMATS, ExportFormat } from "../../shared/export/exportFormat";
import { ExportView } from "../../shared/export/exportModel";
import { exportViewsFor } from "../../shared/readPolicy";
import type { Role } from "../../shared/roles";
import { errorMessageOf, unreachableMessage } from "../connection/errorMessages";
import { t } from "../i18n/localize";
import { localText, setLocalAttribute, setLocalText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";

/** The draft and the reader the menu offers exports of. */
export interface ExportMenuOptions {
  draftId: string;
  role: Role;
  observersReadFloor: boolean;
}

/** How the menu names a view. */
function viewLabel(view: ExportView): MessageKey {
  switch (view) {
    case ExportView.bracketed:
      return "pages.viewBracketed";
    case ExportView.clean:
      return "pages.viewClean";
    case ExportView.compilation:
      return "pages.viewCompilation";
    default:
      return assertNever(view);
  }
}

/** How the menu names each format's file; the compiler demands a name for every format. */
const FILE_LABELS: Record<ExportFormat, MessageKey> = {
  [ExportFormat.docx]: "pages.fileWord",
  [ExportFormat.pdf]: "pages.filePdf",
  [ExportFormat.html]: "pages.fileHtml",
  [ExportFormat.markdown]: "pages.fileMarkdown",
  [ExportFormat.text]: "pages.fileText",
  [ExportFormat.akn]: "pages.fileAkomaNtoso",
  [ExportFormat.json]: "pages.fileJson",
};

/** The file name the server gave in `Content-Disposition`, else `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: the plain one, or the fallback, serves.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Saves `blob` as `fileName` through a link the browser downloads. */
function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; a minute is ample for a slow disk.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** A labelled choice; the label names the select alone, not its options. */
function choice<T extends string>(id: string, label: MessageKey, values: readonly T[], name: (value: T) => MessageKey): { label: HTMLLabelElement; select: HTMLSelectElement } {
  const select = document.createElement("select");
  select.id = id;
  select.className = id.replace(/-\d+$/, "");
  for (const value of values) select.append(setLocalText(new Option("", value), name(value)));
  const text = document.createElement("label");
  text.htmlFor = id;
  setLocalText(text, label);
  return { label: text, select };
}

let menus = 0;

/** Mounts the menu at the end of `place`; returns the function that unmounts it. */
export function mountExportMenu(place: HTMLElement, { draftId, role, observersReadFloor }: ExportMenuOptions): () => void {
  const id = `export-menu-${++menus}`;
  const root = document.createElement("div");
  root.className = "export-menu";
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "export-toggle";
  setLocalText(toggle, "pages.export");
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", id);
  const panel = document.createElement("div");
  panel.id = id;
  panel.className = "export-panel";
  panel.setAttribute("role", "group");
  setLocalAttribute(panel, "aria-label", "pages.exportTheDraft");
  panel.hidden = true;
  const views = choice(`export-view-${menus}`, "pages.exportText", exportViewsFor(role, observersReadFloor), viewLabel);
  const formats = choice(`export-format-${menus}`, "pages.exportFile", EXPORT_FORMATS, (format) => FILE_LABELS[format]);
  const download = document.createElement("button");
  download.type = "button";
  download.className = "export-download";
  setLocalText(download, "common.download");
  const status = document.createElement("p");
  status.className = "export-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  // The status is in the panel, which stays open while the file is prepared.
  panel.append(views.label, views.select, formats.label, formats.select, download, status);
  root.append(toggle, panel);
  place.append(root);

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => {
    setOpen(panel.hidden);
    if (!panel.hidden) views.select.focus();
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || panel.hidden) return;
    setOpen(false);
    toggle.focus();
  });

  let unmounted = false;
  const say = (words: string | Text, failed = false) => {
    // Replaced, not rewritten: the words said before stop following the language.
    status.replaceChildren(words);
    status.dataset["failed"] = String(failed);
  };
  let busy = false;
  download.addEventListener("click", async () => {
    if (busy) return;
    const format = formats.select.value as ExportFormat;
    const view = views.select.value;
    const file = EXPORT_FILES[format];
    // Marked, not disabled: a disabled button would drop the keyboard's focus.
    busy = true;
    download.setAttribute("aria-disabled", "true");
    root.setAttribute("aria-busy", "true");
    say(localText("pages.preparingFile", { file: t(FILE_LABELS[format]) }));
    try {
      const response = await fetch(exportPath(draftId, format, view));
      if (!response.ok) {
        say(await errorMessageOf(response), true);
        return;
      }
      const fileName = fileNameOf(response, `${draftId}-${view}.${file.extension}`);
      const blob = await response.blob();
      if (unmounted) return;
      saveFile(blob, fileName);
      say(localText("pages.downloadedFile", { fileName }));
    } catch {
      say(unreachableMessage(), true);
    } finally {
      busy = false;
      download.removeAttribute("aria-disabled");
      root.removeAttribute("aria-busy");
    }
  });
  return () => {
    unmounted = true;
    root.remove();
  };
}
