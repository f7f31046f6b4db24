// RangeElement: what findText and findElement return (an element, plus offsets when only part of a Text matched).
import { guardMethods } from './guard';
import type { DocNode } from './nodes';
import type { Session } from './session';

export class RangeElementImpl {
  constructor(
    readonly _s: Session,
    readonly _node: DocNode,
    readonly _start: number,
    readonly _end: number,
    readonly _partial: boolean,
  ) {}

  getElement(): unknown {
    return this._s.wrap(this._node);
  }
  /** Reference: "-1 if the range element is not partial" for findElement results; offsets for text matches. */
  getStartOffset(): number {
    return this._start;
  }
  getEndOffsetInclusive(): number {
    return this._end;
  }
  isPartial(): boolean {
    return this._partial;
  }
  toString(): string {
    return 'RangeElement';
  }
}
guardMethods(RangeElementImpl);
