/**
 * Every delegation's points of contact, as the chair and the members read them: each state by name,
 * its people with their function, e-mail and phone (as links a mail or phone program opens).
 */
import type * as Y from "yjs";
import type { Contact } from "../../../schemas/records";
import { allContacts } from "../../../shared/contacts/contactWrites";
import { FloorRoot } from "../../../shared/documentLayout";
import { stateName } from "../../../shared/stateNames/stateName";
import { isStateCode } from "../../../shared/states";
import { onLanguageChange, uiLanguage } from "../../i18n/localize";
import { setLocalText } from "../../i18n/localizedElements";

/** "Cuba (CUB)" in the UI language, or the bare code of a state the list does not know. */
export function stateLabel(code: string): string {
  return isStateCode(code) ? `${stateName(code, uiLanguage())} (${code})` : code;
}

function link(href: string, text: string): HTMLAnchorElement {
  return Object.assign(document.createElement("a"), { href, textContent: text });
}

function personItem(person: Contact): HTMLLIElement {
  const item = document.createElement("li");
  const name = Object.assign(document.createElement("span"), { className: "contact-name", textContent: person.name });
  item.append(name);
  if (person.function) item.append(`, ${person.function}`);
  if (person.email) item.append(" — ", link(`mailto:${person.email}`, person.email));
  if (person.phone) item.append(" — ", link(`tel:${person.phone.replace(/[^+0-9]/g, "")}`, person.phone));
  return item;
}

/** Keeps `panel` listing the points of contact in `floorDoc`; returns the function that stops it. */
export function bindContactsList(panel: HTMLElement, floorDoc: Y.Doc): () => void {
  const title = setLocalText(Object.assign(document.createElement("h2"), { id: "contacts-list-title" }), "contacts.listTitle");
  panel.setAttribute("aria-labelledby", title.id);
  const body = document.createElement("div");
  panel.replaceChildren(title, body);
  const render = () => {
    // By name in the reader's language; a code the list does not know sorts by itself, not throwing.
    const byName = new Intl.Collator(uiLanguage());
    const delegations = allContacts(floorDoc).sort((a, b) => byName.compare(stateLabel(a.state), stateLabel(b.state)));
    if (delegations.length === 0) {
      body.replaceChildren(setLocalText(Object.assign(document.createElement("p"), { className: "panel-hint" }), "contacts.none"));
      return;
    }
    body.replaceChildren(
      ...delegations.map(({ state, people }) => {
        const section = document.createElement("section");
        section.className = "contacts-of-state";
        section.dataset["state"] = state;
        const list = document.createElement("ul");
        list.append(...people.map(personItem));
        section.append(Object.assign(document.createElement("h3"), { textContent: stateLabel(state) }), list);
        return section;
      }),
    );
  };
  const contacts = floorDoc.getMap(FloorRoot.contacts);
  contacts.observe(render);
  const stopFollowingLanguage = onLanguageChange(render);
  render();
  return () => {
    contacts.unobserve(render);
    stopFollowingLanguage();
  };
}
