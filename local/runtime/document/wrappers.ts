// Picks the wrapper class for a node and exposes it, so every element a script receives counts its calls.
import { HorizontalRuleImpl, InlineImageImpl, PageBreakImpl, TYPE_NAMES } from './elements';
import {
  CellNode,
  type DocNode,
  ImageNode,
  PageBreakNode,
  ParagraphNode,
  RowNode,
  RuleNode,
  SectionNode,
  TableNode,
  TextNode,
} from './nodes';
import { ListItemImpl, ParagraphImpl } from './paragraphs';
import { BodyImpl, HeaderFooterImpl } from './sections';
import type { Session } from './session';
import { TableCellImpl, TableImpl, TableRowImpl } from './tables';
import { TextImpl } from './text';

export function makeWrapper(s: Session, node: DocNode): object {
  return s.core.expose('DocumentApp', TYPE_NAMES[node.kind], implFor(s, node));
}

function implFor(s: Session, node: DocNode): object {
  if (node instanceof SectionNode)
    return node.kind === 'BODY_SECTION' ? new BodyImpl(s, node) : new HeaderFooterImpl(s, node);
  if (node instanceof ParagraphNode)
    return node.kind === 'LIST_ITEM' ? new ListItemImpl(s, node) : new ParagraphImpl(s, node);
  if (node instanceof TableNode) return new TableImpl(s, node);
  if (node instanceof RowNode) return new TableRowImpl(s, node);
  if (node instanceof CellNode) return new TableCellImpl(s, node);
  if (node instanceof TextNode) return new TextImpl(s, node, null);
  if (node instanceof ImageNode) return new InlineImageImpl(s, node);
  if (node instanceof PageBreakNode) return new PageBreakImpl(s, node);
  if (node instanceof RuleNode) return new HorizontalRuleImpl(s, node);
  throw new Error(`no wrapper for ${node.kind}`);
}
