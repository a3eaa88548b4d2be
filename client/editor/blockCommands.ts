/** Commands that change what kind of block the caret is in: Tab indents into sub-items, Shift-Tab out. */
import { setBlockType } from "prosemirror-commands";
import type { Command } from "prosemirror-state";
import { BlockType, MAX_SUBITEM_LEVEL, schema } from "../../shared/schema";

function currentBlock(state: Parameters<Command>[0]) {
  return state.selection.$from.parent;
}

/** paragraph → (a) sub-item → (i) sub-item. */
export const indentBlock: Command = (state, dispatch) => {
  const block = currentBlock(state);
  if (block.type.name === BlockType.paragraph) {
    return setBlockType(schema.nodes.subitem!, { pid: block.attrs.pid, level: 1 })(state, dispatch);
  }
  if (block.type.name === BlockType.subitem && block.attrs.level < MAX_SUBITEM_LEVEL) {
    return setBlockType(schema.nodes.subitem!, { pid: block.attrs.pid, level: block.attrs.level + 1 })(state, dispatch);
  }
  return false;
};

/** (i) sub-item → (a) sub-item → paragraph. */
export const outdentBlock: Command = (state, dispatch) => {
  const block = currentBlock(state);
  if (block.type.name !== BlockType.subitem) return false;
  if (block.attrs.level > 1) {
    return setBlockType(schema.nodes.subitem!, { pid: block.attrs.pid, level: block.attrs.level - 1 })(state, dispatch);
  }
  return setBlockType(schema.nodes.paragraph!, { pid: block.attrs.pid })(state, dispatch);
};
