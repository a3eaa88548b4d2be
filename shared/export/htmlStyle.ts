/**
 * The style sheet of exported HTML, inlined in every file: a UN-like page on screen and on A4 paper
 * (Times-like serif, hanging paragraph numbers, notes at the end). Logical properties only, so an
 * Arabic draft lays out right to left; fonts are local ones, never fetched.
 */
export const HTML_STYLE = `
@page { size: A4; margin: 25mm 22mm 22mm 22mm; @bottom-center { content: counter(page); font: 9pt "Times New Roman", "Noto Serif", serif; } }
:root { color: #000; background: #fff; }
body { font: 11.5pt/1.45 "Times New Roman", "Liberation Serif", "Noto Serif", "Noto Naskh Arabic", serif; max-inline-size: 42em; margin-block: 2em; margin-inline: auto; padding-inline: 1.5em; }
.masthead { display: flex; justify-content: space-between; border-block-end: 1px solid #000; font-size: 10pt; margin-block-end: 2em; }
.masthead p { margin: 0 0 .3em; }
.title { font-size: 15pt; text-align: center; margin-block: 0 1.5em; }
.heading { font-size: 12pt; margin-block: 1.5em .6em; break-after: avoid; }
p { margin-block: 0 .7em; text-align: start; orphans: 2; widows: 2; }
.para, .subitem { padding-inline-start: 3em; text-indent: -3em; }
.subitem.level-1 { margin-inline-start: 3em; }
.subitem.level-2 { margin-inline-start: 6em; }
.num { display: inline-block; min-inline-size: 3em; text-indent: 0; }
.bracket { white-space: normal; }
.bracket .who { font-weight: bold; font-size: .9em; }
del { text-decoration: line-through; }
ins { text-decoration: underline; }
.added ins { text-decoration: none; }
.note-ref { font-size: .7em; line-height: 0; }
.note-ref a, .notes a { color: inherit; text-decoration: none; }
.notes { font-size: 9.5pt; margin-block-start: 2em; break-inside: avoid-page; }
.notes hr { inline-size: 30%; margin-inline: 0 auto; border: 0; border-block-start: 1px solid #000; }
.comments { font-size: 9.5pt; margin-block: -.3em .8em; margin-inline-start: 3em; padding-inline-start: .8em; border-inline-start: 2px solid #888; }
.comments .quote { font-style: italic; }
.proposals { font-size: 10.5pt; margin-block: -.2em 1em; margin-inline-start: 3em; padding-inline-start: 1.2em; }
.proposals .standing { font-style: italic; }
.orphans, .unplaced { margin-block-start: 2em; }
.orphans h2, .unplaced h2 { font-size: 12pt; }
@media print { body { margin: 0; padding: 0; max-inline-size: none; } .notes a[aria-label] { display: none; } }
`;
