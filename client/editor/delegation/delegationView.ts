/**
 * "Your delegation": a delegation's own side panel listing what it proposed (with the chair's
 * decision), the proposals it co-sponsors and the paragraphs it objects to. Each entry is a button
 * that takes the delegate to its paragraph in the editor.
 */
import type * as Y from "yjs";
import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { FloorRoot, TextRoot } from "../../../shared/documentLayout";
import { readProposals } from "../../../shared/proposals/readProposals";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { followRecords } from "../followRecords";
import { ENTRY_ATTRIBUTE, replaceKeepingFocus } from "../keepFocus";
import { paragraphPlaces, type ParagraphPlace } from "../paragraphPlaces";
import { describeChange, describeStatus } from "../proposals/describeProposal";
import { delegationItems, stancesOf } from "./delegationItems";
import { t } from "../../i18n/localize";
import { setLocalText } from "../../i18n/localizedElements";

/** What the view reads, and how it takes the delegate to a paragraph. */
export interface DelegationViewContext {
  textDoc: Y.Doc;
  /** The `floor` room, where stances live; null leaves objections out. */
  floorDoc: Y.Doc | null;
  /** The delegation's state code. */
  state: string;
  openParagraph: (pid: string) => void;
}

/** One line of the view: a button to the paragraph, or plain words once the paragraph is gone. */
interface Entry {
  key: string;
  place: ParagraphPlace | null;
  words: string;
}

function entryElement(entry: Entry, openParagraph: (pid: string) => void): HTMLElement {
  const item = document.createElement("li");
  const where = entry.place?.name ?? t("delegation.noLongerInText");
  if (!entry.place) {
    item.setAttribute(ENTRY_ATTRIBUTE, entry.key);
    item.className = "panel-entry gone";
    item.append(where, ": ", entry.words);
    return item;
  }
  const place = entry.place;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "panel-entry";
  button.setAttribute(ENTRY_ATTRIBUTE, entry.key);
  const name = document.createElement("span");
  name.className = "entry-place";
  name.textContent = where;
  button.append(name, `: ${entry.words}`);
  button.addEventListener("click", () => openParagraph(place.pid));
  item.append(button);
  return item;
}

/** One part of the view: `title` is its heading, count included; `empty` what it says without entries. */
function part(title: string, empty: string, entries: Entry[], openParagraph: (pid: string) => void): HTMLElement {
  const box = document.createElement("section");
  const heading = document.createElement("h3");
  heading.textContent = title;
  box.append(heading);
  if (entries.length === 0) {
    box.append(Object.assign(document.createElement("p"), { className: "panel-hint", textContent: empty }));
  } else {
    const list = document.createElement("ul");
    list.append(...entries.map((entry) => entryElement(entry, openParagraph)));
    box.append(list);
  }
  return box;
}

/** Keeps `panel` showing delegation `context.state`'s own items; returns the function that stops it. */
export function bindDelegationView(panel: HTMLElement, context: DelegationViewContext): () => void {
  const { textDoc, floorDoc, state, openParagraph } = context;
  const title = document.createElement("h2");
  title.id = `delegation-view-${state}`;
  setLocalText(title, "delegation.title", { state });
  // Takes the focus when the entry that held it is gone.
  title.tabIndex = -1;
  panel.setAttribute("aria-labelledby", title.id);
  const body = document.createElement("div");
  panel.replaceChildren(title, body);

  const render = () => {
    const text = readDraftText(textDoc.getXmlFragment(TextRoot.content));
    const items = delegationItems(state, readProposals(textDoc, text), paragraphPlaces(text, revisionBaseline(textDoc)), stancesOf(floorDoc));
    const parts = [
      part(
        t("delegation.proposedBy", { state, count: items.proposed.length }),
        t("delegation.noneProposed", { state }),
        items.proposed.map(({ view, place }) => ({ key: `proposed:${view.key}`, place, words: t("delegation.ownProposal", { change: describeChange(view), status: describeStatus(view) }) })),
        openParagraph,
      ),
      part(
        t("delegation.cosponsoredBy", { state, count: items.supported.length }),
        t("delegation.noneCosponsored", { state }),
        items.supported.map(({ view, place }) => ({
          key: `supported:${view.key}`,
          place,
          words: t("delegation.otherProposal", { state: view.state, change: describeChange(view), status: describeStatus(view) }),
        })),
        openParagraph,
      ),
    ];
    if (floorDoc) {
      parts.push(
        part(
          t("delegation.objectsTo", { state, count: items.objections.length }),
          t("delegation.noneObjected", { state }),
          items.objections.map(({ pid, stance, place }) => ({
            key: `objection:${pid}`,
            place,
            words: stance.reason ? t("delegation.objectionWithReason", { reason: stance.reason }) : t("delegation.objection"),
          })),
          openParagraph,
        ),
      );
    }
    replaceKeepingFocus(body, parts, () => title);
  };
  const records = [TextRoot.proposals, TextRoot.supports, TextRoot.decisions].map((root) => textDoc.getMap<unknown>(root));
  if (floorDoc) records.push(floorDoc.getMap<unknown>(FloorRoot.stances));
  return followRecords(render, records, textDoc.getXmlFragment(TextRoot.content)).stop;
}
