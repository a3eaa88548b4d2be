/**
 * The keys of the message catalogs, typed from the English catalog: `t("desk.newDraft")` with a key
 * English does not have fails the typecheck. One catalog file per area of the app
 * (`catalogs/<language>/<area>.json`); a key is `<area>.<key in that file>`. A new area is a new
 * file in every language's folder and one line here.
 */
import type common from "./catalogs/en/common.json";
import type pages from "./catalogs/en/pages.json";
import type desk from "./catalogs/en/desk.json";
import type editor from "./catalogs/en/editor.json";
import type proposals from "./catalogs/en/proposals.json";
import type consensus from "./catalogs/en/consensus.json";
import type delegation from "./catalogs/en/delegation.json";
import type contacts from "./catalogs/en/contacts.json";
import type revisions from "./catalogs/en/revisions.json";
import type history from "./catalogs/en/history.json";
import type audit from "./catalogs/en/audit.json";
import type connection from "./catalogs/en/connection.json";
import type offline from "./catalogs/en/offline.json";
import type server from "./catalogs/en/server.json";
import type contributions from "./catalogs/en/contributions.json";
import type refusals from "./catalogs/en/refusals.json";

/** The keys of one area's English file, each prefixed with the area's name. */
type Area<Name extends string, Messages> = { [Key in keyof Messages & string as `${Name}.${Key}`]: string };

/** Every English message, by key. */
export type EnglishMessages = Area<"common", typeof common> &
  Area<"pages", typeof pages> &
  Area<"desk", typeof desk> &
  Area<"editor", typeof editor> &
  Area<"proposals", typeof proposals> &
  Area<"consensus", typeof consensus> &
  Area<"delegation", typeof delegation> &
  Area<"contacts", typeof contacts> &
  Area<"revisions", typeof revisions> &
  Area<"history", typeof history> &
  Area<"audit", typeof audit> &
  Area<"connection", typeof connection> &
  Area<"offline", typeof offline> &
  Area<"server", typeof server> &
  Area<"contributions", typeof contributions> &
  Area<"refusals", typeof refusals>;

/** A message's key. */
export type MessageKey = keyof EnglishMessages;
