/**
 * Every delegation's points of contact, as the chair and the members read them: each state by name,
 * its people with their function, e-mail and phone (as links a mail or phone program opens).
 */
import type * as Y from "yjs";
import type { Contact } from "../../../schemas/records";
import { allContacts } from "../../../shared/contacts/contactWrites";
import { FloorRoot } from "../../../shared/documentLayout";
import { isStateCode, stateByCode } from "../../../shared/states";
import { onLanguageChange } from "../../i18n/localize";
import { setLocalText } from "../../i18n/localizedElements";

/** "Cuba (CUB)", or the bare code of a state the list does not know. */
export function stateLabel(code: string): string {
  return isStateCode(code) ? `${stateByCode(code).name} (${code})` : code;
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
    const delegations = allContacts(floorDoc);
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
  // The states' names are drawn again too, for the day they are written in the UI language.
  const stopLanguage = onLanguageChange(render);
  render();
  return () => {
    contacts.unobserve(render);
    stopLanguage();
  };
}
