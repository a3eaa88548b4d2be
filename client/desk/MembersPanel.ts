/**
 * A draft's members, for its chair and the secretariat: who is invited as what, who has signed in
 * and when; invite by role and state (picked by name), with the link and an invitation text to
 * copy; change a member's role; revoke. Every action is a plain button or form, usable by keyboard.
 */
import { membersPath } from "../../shared/appPaths";
import type { ListedMember } from "../../shared/memberListing";
import { Role } from "../../shared/roles";
import { formatDateTime } from "../i18n/formatDates";
import { onLanguageChange, t } from "../i18n/localize";
import { localText, setLocalAttribute } from "../i18n/localizedElements";
import { request, sendJson } from "./deskApi";
import { button, el, field } from "./dom";
import { invitationCard } from "./invitationCard";
import { roleAndStateFields } from "./roleAndStateFields";
import { roleLabel, roleValues } from "./roleWords";
import type { Widget } from "./Widget";

/** The draft whose members the panel shows. */
export interface MembersDraft {
  id: string;
  title: string;
  symbol: string | null;
}

/** When the member signed in or was revoked, with the date in the UI language and the reader's time zone. */
function signInWords(member: ListedMember): Text {
  if (member.revokedAt) return localText("desk.revokedAt", { at: formatDateTime(member.revokedAt) });
  return member.signedInAt ? localText("desk.signedInAt", { at: formatDateTime(member.signedInAt) }) : localText("desk.notSignedInYet");
}

/** The members panel of one draft. */
export class MembersPanel implements Widget {
  readonly element: HTMLElement;
  private readonly rows = el("tbody");
  private readonly message = el("p", { className: "members-message" });
  private readonly cards = el("div", { className: "invitation-cards" });
  private readonly mounted: Widget[] = [];
  private readonly aborter = new AbortController();
  /**
   * What the rows show that is not one message with fixed values (a date as the reader's language
   * writes it, a state's name), written again after each change of the UI language.
   */
  private rewrites: Array<() => void> = [];
  private readonly stopRewriting = onLanguageChange(() => {
    for (const write of this.rewrites) write();
  });

  constructor(private readonly draft: MembersDraft) {
    this.message.setAttribute("role", "status");
    const columns = ["desk.columnName", "desk.columnRole", "desk.columnSignedIn", "desk.columnActions"] as const;
    const table = el(
      "table",
      { className: "members-table" },
      el("caption", {}, localText("desk.membersOf", { title: draft.title })),
      el("thead", {}, el("tr", {}, ...columns.map((key) => el("th", { scope: "col" }, localText(key))))),
      this.rows,
    );
    this.element = el("section", { className: "members-panel" }, table, this.message, this.inviteForm(), this.cards);
    setLocalAttribute(this.element, "aria-label", "desk.membersOf", { title: draft.title });
    void this.load();
  }

  unmount(): void {
    this.stopRewriting();
    this.aborter.abort();
    for (const widget of this.mounted.splice(0)) widget.unmount();
    this.element.remove();
  }

  private async load(): Promise<void> {
    const answer = await request<{ members: ListedMember[] }>(membersPath(this.draft.id), {}, this.aborter.signal);
    if (this.aborter.signal.aborted) return;
    if (!answer.ok) {
      this.message.replaceChildren(answer.message);
      return;
    }
    this.rewrites = [];
    this.rows.replaceChildren(...answer.value.members.map((member) => this.row(member)));
  }

  private row(member: ListedMember): HTMLTableRowElement {
    const actions = el("td", { className: "member-actions" });
    const role = el("td", { className: "member-role" });
    const signedIn = el("td", { className: "member-signed-in" });
    const write = () => {
      role.textContent = roleLabel(member.role, member.state);
      signedIn.replaceChildren(signInWords(member));
    };
    write();
    this.rewrites.push(write);
    const row = el("tr", { className: "member-row" }, el("td", { className: "member-name", textContent: member.name }), role, signedIn, actions);
    row.dataset["memberId"] = member.id;
    if (!member.revokedAt) {
      const change = button(localText("desk.changeRole"), () => this.editRole(member, actions), "member-change");
      const revoke = button(localText("desk.revoke"), () => void this.revoke(member), "member-revoke");
      // Each name holds the button's visible words (WCAG 2.5.3) and says whose row it acts on.
      setLocalAttribute(change, "aria-label", "desk.changeRoleOf", { name: member.name });
      setLocalAttribute(revoke, "aria-label", "desk.revokeMember", { name: member.name });
      actions.append(change, " ", revoke);
    }
    return row;
  }

  private editRole(member: ListedMember, cell: HTMLElement): void {
    const fields = roleAndStateFields(member.role, member.state);
    const restore = () => void this.load();
    const save = button(localText("desk.saveRole"), async () => {
      const chosen = fields.read();
      if (!chosen) return;
      save.disabled = true;
      const answer = await sendJson(membersPath(this.draft.id, member.id), "PATCH", chosen, this.aborter.signal);
      save.disabled = false;
      if (!answer.ok) {
        (answer.field === "state" ? fields.state : fields.role).setError(answer.message);
        return;
      }
      this.message.replaceChildren(localText("desk.memberNowRole", { name: member.name, ...roleValues(chosen.role, chosen.state) }));
      restore();
    });
    const form = el("div", { className: "member-role-editor" }, fields.element, save, " ", button(localText("common.cancel"), restore));
    cell.replaceChildren(form);
    fields.role.control.focus();
  }

  private async revoke(member: ListedMember): Promise<void> {
    const answer = await request(membersPath(this.draft.id, member.id), { method: "DELETE" }, this.aborter.signal);
    this.message.replaceChildren(answer.ok ? localText("desk.memberRevoked", { name: member.name }) : answer.message);
    if (answer.ok) void this.load();
  }

  private inviteForm(): HTMLElement {
    const fields = roleAndStateFields();
    const name = field(localText("desk.nameOptional"), el("input", { type: "text", maxLength: 120, className: "invite-name" }), localText("desk.nameHint"));
    const submit = el("button", { type: "submit", className: "invite-submit" }, localText("desk.invite"));
    const form = el("form", { className: "invite-form" }, el("fieldset", {}, el("legend", {}, localText("desk.inviteMember")), fields.element, name.element, submit));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = fields.read();
      if (!chosen) return;
      name.setError(null);
      const typed = name.control.value.trim();
      // The stored name is data: without one typed, the role's words as they read now.
      const who = typed || roleLabel(chosen.role, chosen.state);
      submit.disabled = true;
      void sendJson<{ signInPath: string; member: ListedMember }>(membersPath(this.draft.id), "POST", { ...chosen, name: who }, this.aborter.signal).then((answer) => {
        submit.disabled = false;
        if (!answer.ok) {
          const at = answer.field === "name" ? name : answer.field === "state" ? fields.state : answer.field === "role" ? fields.role : null;
          if (at) at.setError(answer.message);
          else this.message.replaceChildren(answer.message);
          return;
        }
        const card = invitationCard({
          who: () => {
            const role = roleLabel(chosen.role, chosen.state);
            return typed && typed !== role ? t("desk.nameWithRole", { name: typed, role }) : role;
          },
          draftTitle: this.draft.title,
          draftSymbol: this.draft.symbol,
          link: `${location.origin}${answer.value.signInPath}`,
        });
        this.mounted.push(card);
        this.cards.prepend(card.element);
        name.control.value = "";
        if (chosen.role !== Role.delegation) fields.state.control.value = "";
        void this.load();
      });
    });
    return form;
  }
}
