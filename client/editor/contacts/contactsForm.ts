/**
 * A delegation's own points of contact, edited in *Your delegation*: a few people, each with a
 * name, function, e-mail and phone. Saving writes the state's one record; a refusal (a bad address,
 * say) is shown beside the button, and nothing is written.
 */
import type * as Y from "yjs";
import type { Contact } from "../../../schemas/records";
import { contactsKey, contactsOf, MAX_CONTACTS, setContacts } from "../../../shared/contacts/contactWrites";
import { FloorRoot } from "../../../shared/documentLayout";
import { onLanguageChange } from "../../i18n/localize";
import { localText, setLocalText } from "../../i18n/localizedElements";
import type { MessageKey } from "../../i18n/messageKeys";
import { refusalMessage } from "../refusalMessage";

const FIELDS: ReadonlyArray<{ field: keyof Contact; label: MessageKey; type: string; autocomplete: string }> = [
  { field: "name", label: "contacts.name", type: "text", autocomplete: "name" },
  { field: "function", label: "contacts.function", type: "text", autocomplete: "organization-title" },
  { field: "email", label: "contacts.email", type: "email", autocomplete: "email" },
  { field: "phone", label: "contacts.phone", type: "tel", autocomplete: "tel" },
];

function personFields(index: number, person: Contact | null): HTMLFieldSetElement {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "contact-person";
  fieldset.append(setLocalText(document.createElement("legend"), "contacts.person", { number: index + 1 }));
  for (const { field, label, type, autocomplete } of FIELDS) {
    const input = Object.assign(document.createElement("input"), { type, name: field, value: person?.[field] ?? "", autocomplete });
    const wrapper = document.createElement("label");
    wrapper.append(localText(label), " ", input);
    fieldset.append(wrapper);
  }
  return fieldset;
}

/** Keeps `section` holding the form for state `state`'s points of contact; returns the function that stops it. */
export function bindContactsForm(section: HTMLElement, floorDoc: Y.Doc, state: string): () => void {
  const title = setLocalText(Object.assign(document.createElement("h3"), { id: `contacts-form-${state}` }), "contacts.formTitle", { state });
  section.className = "contacts-form";
  section.setAttribute("aria-labelledby", title.id);
  const form = document.createElement("form");
  form.noValidate = true;
  const rows = document.createElement("div");
  const add = setLocalText(Object.assign(document.createElement("button"), { type: "button" }), "contacts.addPerson");
  const save = setLocalText(Object.assign(document.createElement("button"), { type: "submit" }), "contacts.save");
  const outcome = Object.assign(document.createElement("p"), { className: "contacts-outcome" });
  outcome.setAttribute("role", "status");
  form.append(rows, add, save, outcome);
  section.replaceChildren(title, form);
  let dirty = false;
  /** Why the last save was refused, said again in each new language; null once saved. */
  let refusal: unknown = null;
  const showRefusal = () => {
    if (refusal !== null) setLocalText(outcome, "contacts.notSaved", { reason: refusalMessage(refusal) });
  };

  const fill = () => {
    const people = contactsOf(floorDoc, state);
    const shown = people.length < MAX_CONTACTS ? [...people, null] : people;
    rows.replaceChildren(...shown.map((person, index) => personFields(index, person)));
    add.disabled = shown.length >= MAX_CONTACTS;
    dirty = false;
  };
  const typed = (): Contact[] =>
    Array.from(rows.querySelectorAll("fieldset")).map((fieldset) => {
      const value = (field: keyof Contact) => (fieldset.querySelector(`input[name="${field}"]`) as HTMLInputElement).value;
      return { name: value("name"), function: value("function"), email: value("email"), phone: value("phone") };
    });

  form.addEventListener("input", () => {
    dirty = true;
  });
  add.addEventListener("click", () => {
    const count = rows.children.length;
    if (count >= MAX_CONTACTS) return;
    rows.append(personFields(count, null));
    add.disabled = count + 1 >= MAX_CONTACTS;
    (rows.lastElementChild?.querySelector("input") as HTMLInputElement | null)?.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    try {
      setContacts(floorDoc, state, typed());
      refusal = null;
      outcome.className = "contacts-outcome";
      setLocalText(outcome, "contacts.saved");
      fill();
    } catch (error) {
      outcome.className = "contacts-outcome refused";
      refusal = error;
      showRefusal();
    }
  });

  // Another user of the same delegation may change them: follow, unless this person is typing.
  const contacts = floorDoc.getMap(FloorRoot.contacts);
  const follow = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(contactsKey(state)) && !dirty) fill();
  };
  contacts.observe(follow);
  // The outcome's binding holds the reason in the language it was refused in: say it again in the new one.
  const stopLanguage = onLanguageChange(showRefusal);
  fill();
  return () => {
    contacts.unobserve(follow);
    stopLanguage();
  };
}
