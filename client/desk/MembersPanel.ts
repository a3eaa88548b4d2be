/**
 * A draft's members, for its chair and the secretariat: who is invited as what, who has signed in
 * and when; invite by role and state (picked by name), with the link and an invitation text to
 * copy; change a member's role; revoke. Every action is a plain button or form, usable by keyboard.
 */
import { membersPath } from "../../shared/appPaths";
import type { ListedMember } from "../../shared/memberListing";
import { Role } from "../../shared/roles";
import { request, sendJson } from "./deskApi";
import { button, el, field } from "./dom";
import { invitationCard } from "./invitationCard";
import { roleAndStateFields } from "./roleAndStateFields";
import { roleLabel } from "./roleWords";
import type { Widget } from "./Widget";

/** The draft whose members the panel shows. */
export interface MembersDraft {
  id: string;
  title: string;
  symbol: string | null;
}

/** "2 Dec 2026, 09:14" in the reader's time zone. */
function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function signInWords(member: ListedMember): string {
  if (member.revokedAt) return `Revoked ${when(member.revokedAt)}`;
  return member.signedInAt ? `Signed in ${when(member.signedInAt)}` : "Not signed in yet";
}

/** The members panel of one draft. */
export class MembersPanel implements Widget {
  readonly element: HTMLElement;
  private readonly rows = el("tbody");
  private readonly message = el("p", { className: "members-message" });
  private readonly cards = el("div", { className: "invitation-cards" });
  private readonly mounted: Widget[] = [];
  private readonly aborter = new AbortController();

  constructor(private readonly draft: MembersDraft) {
    this.message.setAttribute("role", "status");
    const table = el(
      "table",
      { className: "members-table" },
      el("caption", { textContent: `Members of ${draft.title}` }),
      el("thead", {}, el("tr", {}, ...["Name", "Role", "Signed in", "Actions"].map((words) => el("th", { scope: "col", textContent: words })))),
      this.rows,
    );
    this.element = el("section", { className: "members-panel" }, table, this.message, this.inviteForm(), this.cards);
    this.element.setAttribute("aria-label", `Members of ${draft.title}`);
    void this.load();
  }

  unmount(): void {
    this.aborter.abort();
    for (const widget of this.mounted.splice(0)) widget.unmount();
    this.element.remove();
  }

  private async load(): Promise<void> {
    const answer = await request<{ members: ListedMember[] }>(membersPath(this.draft.id), {}, this.aborter.signal);
    if (this.aborter.signal.aborted) return;
    if (!answer.ok) {
      this.message.textContent = answer.message;
      return;
    }
    this.rows.replaceChildren(...answer.value.members.map((member) => this.row(member)));
  }

  private row(member: ListedMember): HTMLTableRowElement {
    const actions = el("td", { className: "member-actions" });
    const row = el(
      "tr",
      { className: "member-row" },
      el("td", { className: "member-name", textContent: member.name }),
      el("td", { className: "member-role", textContent: roleLabel(member.role, member.state) }),
      el("td", { className: "member-signed-in", textContent: signInWords(member) }),
      actions,
    );
    row.dataset["memberId"] = member.id;
    if (!member.revokedAt) {
      const change = button("Change role", () => this.editRole(member, actions), "member-change");
      const revoke = button("Revoke", () => void this.revoke(member), "member-revoke");
      // Each name holds the button's visible words (WCAG 2.5.3) and says whose row it acts on.
      change.setAttribute("aria-label", `Change role of ${member.name}`);
      revoke.setAttribute("aria-label", `Revoke ${member.name}`);
      actions.append(change, " ", revoke);
    }
    return row;
  }

  private editRole(member: ListedMember, cell: HTMLElement): void {
    const fields = roleAndStateFields(member.role, member.state);
    const restore = () => void this.load();
    const save = button("Save role", async () => {
      const chosen = fields.read();
      if (!chosen) return;
      save.disabled = true;
      const answer = await sendJson(membersPath(this.draft.id, member.id), "PATCH", chosen, this.aborter.signal);
      save.disabled = false;
      if (!answer.ok) {
        (answer.field === "state" ? fields.state : fields.role).setError(answer.message);
        return;
      }
      this.message.textContent = `${member.name} is now: ${roleLabel(chosen.role, chosen.state)}.`;
      restore();
    });
    const form = el("div", { className: "member-role-editor" }, fields.element, save, " ", button("Cancel", restore));
    cell.replaceChildren(form);
    fields.role.control.focus();
  }

  private async revoke(member: ListedMember): Promise<void> {
    const answer = await request(membersPath(this.draft.id, member.id), { method: "DELETE" }, this.aborter.signal);
    this.message.textContent = answer.ok ? `${member.name} was revoked: their link and sessions no longer open this draft.` : answer.message;
    if (answer.ok) void this.load();
  }

  private inviteForm(): HTMLElement {
    const fields = roleAndStateFields();
    const name = field("Name (optional)", el("input", { type: "text", maxLength: 120, className: "invite-name" }), "How the others see the member; by default the role, e.g. “Delegation of Cuba”.");
    const submit = el("button", { type: "submit", textContent: "Invite", className: "invite-submit" });
    const form = el("form", { className: "invite-form" }, el("fieldset", {}, el("legend", { textContent: "Invite a member" }), fields.element, name.element, submit));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = fields.read();
      if (!chosen) return;
      name.setError(null);
      const who = name.control.value.trim() || roleLabel(chosen.role, chosen.state);
      submit.disabled = true;
      void sendJson<{ signInPath: string; member: ListedMember }>(membersPath(this.draft.id), "POST", { ...chosen, name: who }, this.aborter.signal).then((answer) => {
        submit.disabled = false;
        if (!answer.ok) {
          const at = answer.field === "name" ? name : answer.field === "state" ? fields.state : answer.field === "role" ? fields.role : null;
          if (at) at.setError(answer.message);
          else this.message.textContent = answer.message;
          return;
        }
        const card = invitationCard({
          who: who === roleLabel(chosen.role, chosen.state) ? who : `${who} (${roleLabel(chosen.role, chosen.state)})`,
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
