/**
 * A tiny DSL for negotiation texts in tests: `doc(h(2, "A. Introduction"), p("The Group…"), item("(a) text"))`.
 * Blocks get no pid; `withUniquePids` or the server assigns them.
 */
import type { Node as PMNode } from "prosemirror-model";
import { schema } from "../../shared/schema";

type Inline = string | PMNode;

function inline(content: Inline[]): PMNode[] {
  return content.filter((piece) => piece !== "").map((piece) => (typeof piece === "string" ? schema.text(piece) : piece));
}

/** A document of blocks. */
export const doc = (...blocks: PMNode[]): PMNode => schema.node("doc", null, blocks);
/** A heading of a level. */
export const h = (level: number, ...content: Inline[]): PMNode => schema.node("heading", { level }, inline(content));
/** A numbered paragraph. */
export const p = (...content: Inline[]): PMNode => schema.node("paragraph", null, inline(content));
/** A sub-item, lettered (level 1) or roman (level 2). */
export const item = (level: 1 | 2, ...content: Inline[]): PMNode => schema.node("subitem", { level }, inline(content));
/** A footnote holding its text. */
export const fn = (text: string): PMNode => schema.node("footnote", null, text ? [schema.text(text)] : []);
/** Emphasised text. */
export const em = (text: string): PMNode => schema.text(text, [schema.marks.em!.create()]);
/** Strong text. */
export const strong = (text: string): PMNode => schema.text(text, [schema.marks.strong!.create()]);
/** Unnumbered front matter: a letter's opening, a signature, an "[Original: …]" line. */
export const pre = (...content: Inline[]): PMNode => schema.node("preamble", null, inline(content));
