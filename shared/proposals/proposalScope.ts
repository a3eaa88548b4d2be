/** Which proposal kinds mark words and which mark a whole block. */
import { ProposalKind } from "../../schemas/records";
import { assertNever } from "../assertNever";
import { AnchorScope } from "../anchors/resolveAnchor";

/** The scope of a proposal kind's anchor. */
export function anchorScopeOf(kind: ProposalKind): AnchorScope {
  switch (kind) {
    case ProposalKind.insert:
    case ProposalKind.delete:
    case ProposalKind.replace:
      return AnchorScope.words;
    case ProposalKind.newParagraph:
    case ProposalKind.deleteParagraph:
      return AnchorScope.block;
    default:
      return assertNever(kind);
  }
}
