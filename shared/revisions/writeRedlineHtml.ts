/**
 * The redline as one self-contained HTML document, readable offline and printable on A4 (the
 * server's PDF is Chromium's print of it): each block with its number, "4 → 5" where it changed,
 * inserted words in `<ins>`, deleted ones in `<del>`, added, deleted and moved blocks said in words
 * as well as drawn, footnotes under their block. Everything people typed is escaped.
 */
import { assertNever } from "../assertNever";
import { escapeMarkup as e } from "../export/escapeMarkup";
import { textDirection, type TextDirection } from "../textDirection";
import { HTML_STYLE } from "../export/htmlStyle";
import { type Redline, type RedlineBlock, type RedlineFootnote, type RedlineWords } from "./redlineModel";
import { blockMark, changeArrow, changedNumber, footnoteHeading, redlineSummary, redlineTitle, sideLine } from "./redlineWords";

/** What the redline adds to the export's page: marks that read without colour, and a tint that helps where there is colour. */
const REDLINE_STYLE = `
.summary { text-align: center; font-style: italic; margin-block: -1em 2em; }
.mark { font-weight: bold; font-size: .85em; }
ins { background: #e6f4ea; }
del { background: #fce8e6; }
.change-added, .change-deleted, .moved { border-inline-start: 3px double #555; }
.change-deleted { color: #444; }
.footnotes { font-size: 9.5pt; list-style: none; margin-block: -.3em .8em; margin-inline-start: 3em; padding-inline-start: 0; }
`;

function wordsHtml(words: readonly RedlineWords[]): string {
  return words
    .map((part) => {
      switch (part.change) {
        case "same":
          return e(part.text);
        case "inserted":
          return `<ins>${e(part.text)}</ins>`;
        case "deleted":
          return `<del>${e(part.text)}</del>`;
        default:
          return assertNever(part.change);
      }
    })
    .join("");
}

function footnoteHtml(footnote: RedlineFootnote, direction: TextDirection): string {
  return `<li class="change-${footnote.change}">${e(footnoteHeading(footnote, direction))}: ${wordsHtml(footnote.words)}</li>`;
}

/**
 * The number a block opens with ("4 → 5. ", "(a) "), isolated so that "3 bis" cannot turn the line
 * around, and set in the text's direction, as its arrow points that way ("4 ← 5" reads from the right).
 */
function numberHtml(block: RedlineBlock, direction: TextDirection): string {
  const number = changedNumber(block.oldLabel, block.newLabel, direction);
  if (number === null) return "";
  return `<span class="num"><bdi dir="${direction}">${e(number)}</bdi>${block.type === "paragraph" ? "." : ""} </span>`;
}

function blockHtml(block: RedlineBlock, direction: TextDirection): string {
  const mark = blockMark(block);
  const content = `${numberHtml(block, direction)}${mark === null ? "" : `<span class="mark">[${e(mark)}]</span> `}${wordsHtml(block.words)}`;
  const classes = `change-${block.change}${block.moved ? " moved" : ""}`;
  const id = `id="block-${e(block.pid)}" data-change="${e(block.change)}"`;
  let html: string;
  switch (block.type) {
    case "heading": {
      const level = Math.min((block.level ?? 1) + 1, 4);
      html = `<h${level} class="heading ${classes}" ${id}>${content}</h${level}>`;
      break;
    }
    case "paragraph":
      html = `<p class="para ${classes}" ${id}>${content}</p>`;
      break;
    case "subitem":
      html = `<p class="subitem level-${block.level ?? 1} ${classes}" ${id}>${content}</p>`;
      break;
    case "preamble":
      html = `<p class="preamble ${classes}" ${id}>${content}</p>`;
      break;
    default:
      return assertNever(block.type);
  }
  return block.footnotes.length === 0 ? html : `${html}<ul class="footnotes">${block.footnotes.map((footnote) => footnoteHtml(footnote, direction)).join("")}</ul>`;
}

/** `redline` as one self-contained HTML document, in the draft's language and direction. */
export function writeRedlineHtml(redline: Redline): string {
  const direction = textDirection(redline.language);
  const title = redlineTitle(redline, direction);
  return `<!DOCTYPE html>
<html lang="${e(redline.language)}" dir="${direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Concord">
<title>${e(title)}</title>
<style>${HTML_STYLE}${REDLINE_STYLE}</style>
</head>
<body class="redline">
<header class="masthead"><p class="draft">${e(redline.title)}</p><p class="sides">${e(sideLine(redline, "from"))} ${changeArrow(direction)} ${e(sideLine(redline, "to"))}</p></header>
<h1 class="title">${e(title)}</h1>
<p class="summary">${e(redlineSummary(redline.counts))}</p>
<main>
${redline.blocks.map((block) => blockHtml(block, direction)).join("\n")}
</main>
</body>
</html>
`;
}
