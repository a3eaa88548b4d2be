/** A message with nodes in its placeholders: each language's word order, the nodes where it puts them. */
import { compileCatalog } from "../../../tools/catalogs.cjs";
import { installCatalog } from "../../../client/i18n/localize";
import type { MessageKey } from "../../../client/i18n/messageKeys";
import { messageWithNodes } from "../../../client/i18n/messageWithNodes";

/** A key the English catalog need not have: these tests install catalogs of their own. */
const KEY = "common.testOnly" as MessageKey;
/** Stand-ins for the nodes: the function only places them, so any object shows where they went. */
const deadline = { node: "time" } as unknown as Node;
const words = { node: "ins" } as unknown as Node;

describe("messageWithNodes", () => {
  it("puts each node where the language's message places it, with the text around it", () => {
    installCatalog("en", compileCatalog("en", { [KEY]: "Silence on {covered} until {deadline}, then {words}." }));
    expect(messageWithNodes(KEY, { covered: "paragraph 3" }, { deadline, words })).toEqual(["Silence on paragraph 3 until ", deadline, ", then ", words, "."]);
  });

  it("follows another order, and a node at either end leaves no empty text", () => {
    installCatalog("zh", compileCatalog("zh", { [KEY]: "{words}截止于{deadline}" }));
    expect(messageWithNodes(KEY, {}, { deadline, words })).toEqual([words, "截止于", deadline]);
  });
});
