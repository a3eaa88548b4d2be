/**
 * The pages the server writes itself — the sign-in page and the refusal of its form — in the
 * person's language: the one this device chose (its cookie), else the browser's (Accept-Language),
 * else English, formatted from the same compiled catalogs the app loads.
 *
 * Why the server formats them rather than serving the app: the sign-in page must work before any
 * script runs (a mail scanner opening the link only sees a button; a delegate on a slow line sees
 * it at once), its form stays a plain POST, and the words are still written once, in the catalogs.
 */
import fs from "node:fs";
import path from "node:path";
import type express from "express";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { UI_LANGUAGE_COOKIE, UN_LANGUAGES } from "../../shared/languages";
import { textDirection } from "../../shared/textDirection";
import { cookieValue } from "../identity/authenticate";
import type { HttpError } from "./HttpError";

/** The language of every page when nothing else is known. */
const DEFAULT_LANGUAGE = "en";
/** A language tag as the catalogs are named (`fr`, `en-XA`): nothing else reaches the file system. */
const CATALOG_NAME = /^[a-z]{2}(-[A-Z]{2})?$/;
const UN_CODES: ReadonlySet<string> = new Set(UN_LANGUAGES.map((language) => language.code));

type CompiledCatalog = Readonly<Record<string, MessageFormatElement[]>>;

/** The languages a request asks for by Accept-Language, most wanted first. */
function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.tag !== "" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((entry) => entry.tag);
}

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The sign-in page and its refusals, in each person's language. */
export class LocalizedPages {
  private readonly catalogs = new Map<string, CompiledCatalog | null>();

  /** `clientDir` is where the build wrote the app, its catalogs under `messages/`. */
  constructor(private readonly clientDir: string) {}

  /** The language to answer `request` in: the device's choice, else the browser's first the app speaks, else English. */
  languageOf(request: express.Request): string {
    const chosen = cookieValue(request.headers.cookie, UI_LANGUAGE_COOKIE);
    if (chosen && this.catalog(chosen)) return chosen;
    for (const tag of acceptedLanguages(request.headers["accept-language"])) {
      const primary = tag.split("-")[0]!.toLowerCase();
      if (UN_CODES.has(primary) && this.catalog(primary)) return primary;
    }
    return DEFAULT_LANGUAGE;
  }

  /** The page an invitation link opens: what the link does, and the button that signs in. */
  signIn(request: express.Request): string {
    const language = this.languageOf(request);
    const say = (key: string) => escapeHtml(this.format(language, key));
    return this.page(
      language,
      say("server.signIn.title"),
      `<p>${say("server.signIn.explanation")}</p><form method="post"><button type="submit" id="sign-in">${say("server.signIn.button")}</button></form>`,
    );
  }

  /** The page that answers the sign-in form when it is refused (a spent link, too many failures): the refusal in the person's language. */
  refusal(request: express.Request, error: HttpError): string {
    const language = this.languageOf(request);
    const message = this.format(language, `server.refusal.${error.refusal.reason}`, error.refusal.values);
    return this.page(language, escapeHtml(this.format(language, "server.signIn.refusedTitle")), `<p role="alert">${escapeHtml(message)}</p>`);
  }

  private page(language: string, title: string, body: string): string {
    return `<!doctype html>
<html lang="${escapeHtml(language)}" dir="${textDirection(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/styles.css"></head>
<body><main class="sign-in"><h1>Concord</h1>${body}</main></body></html>`;
  }

  /** Message `key` in `language`, else in English; the key itself when not even English has it (the app is not built). */
  private format(language: string, key: string, values?: Readonly<Record<string, string | number>>): string {
    for (const candidate of [language, DEFAULT_LANGUAGE]) {
      const message = this.catalog(candidate)?.[key];
      if (message) return String(new IntlMessageFormat(message, candidate).format(values as Record<string, string | number> | undefined));
    }
    return key;
  }

  /** The compiled catalog of `language`, read once, or null when the build wrote none. */
  private catalog(language: string): CompiledCatalog | null {
    if (!CATALOG_NAME.test(language)) return null;
    if (!this.catalogs.has(language)) {
      const file = path.join(this.clientDir, "messages", `${language}.json`);
      this.catalogs.set(language, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as CompiledCatalog) : null);
    }
    return this.catalogs.get(language)!;
  }
}
