// findText / replaceText / findElement over the node tree. Reference: "The provided regular expression pattern is
// independently matched against each text block contained in the current element", i.e. per Text element.
import { re2 } from './regex';
import {
  type DocNode,
  NO_MARKS,
  type NodeKind,
  TextNode,
  descendants,
  detachNode,
  spliceText,
} from './nodes';

export interface TextHit {
  node: TextNode;
  start: number;
  endInclusive: number;
}

export function textNodesUnder(node: DocNode): TextNode[] {
  if (node instanceof TextNode) return [node];
  const out: TextNode[] = [];
  for (const d of descendants(node)) if (d instanceof TextNode) out.push(d);
  return out;
}

/** The next match after `from` (a previous hit) or from the start; empty matches are skipped, as they select nothing. */
export function findTextIn(
  nodes: readonly TextNode[],
  pattern: string,
  from: TextHit | null,
): TextHit | null {
  const re = re2(pattern);
  let first = 0;
  let startAt = 0;
  if (from) {
    first = nodes.indexOf(from.node);
    if (first === -1) return null;
    startAt = from.endInclusive + 1;
  }
  for (let i = first; i < nodes.length; i++) {
    const node = nodes[i];
    re.lastIndex = i === first ? startAt : 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(node.text)) !== null) {
      if (m[0].length > 0) return { node, start: m.index, endInclusive: m.index + m[0].length - 1 };
      re.lastIndex += 1;
    }
  }
  return null;
}

/**
 * Replaces every match in each node. The replacement is literal text: RE2 via Apps Script does not expand `$1`
 * (capture groups are listed among the unsupported features), and the new text takes the formatting of the first
 * character it replaces. Text elements left empty are removed, as Docs drops empty text runs.
 */
export function replaceTextIn(nodes: readonly TextNode[], pattern: string, replacement: string): void {
  const re = re2(pattern);
  for (const node of nodes) {
    const hits: { index: number; length: number }[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(node.text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      hits.push({ index: m.index, length: m[0].length });
    }
    for (let h = hits.length - 1; h >= 0; h--) {
      const { index, length } = hits[h];
      spliceText(node, index, length, replacement, node.marks[index] ?? NO_MARKS);
    }
    if (hits.length > 0 && node.text === '' && node.parent) detachNode(node);
  }
}

/** The next descendant of `kind` after `after` (pre-order), or the first one. */
export function findElementIn(root: DocNode, kind: NodeKind, after: DocNode | null): DocNode | null {
  let passed = after === null;
  for (const d of descendants(root)) {
    if (!passed) {
      if (d === after) passed = true;
      continue;
    }
    if (d.kind === kind) return d;
  }
  return null;
}
