// Argument checks shared by the DocumentApp wrappers: which values the service accepts for each attribute.
import { localRefusal } from './errors';
import type { Marks, TextAttr } from './nodes';

export function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * Colours are CSS hex strings ("#ff0000"); Docs reports them in lower case. Other CSS forms (names, rgb()) are
 * refused: whether the real service accepts them is unverified, and a report that only uses hex works everywhere.
 */
export function colorValue(v: unknown): string | null {
  if (v === null) return null;
  if (typeof v === 'string') {
    if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
    if (/^#[0-9a-fA-F]{3}$/.test(v)) {
      return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
    }
  }
  throw localRefusal(`Invalid color: ${String(v)} (expected CSS hex notation such as '#ff0000')`);
}

/** The stored form of a text attribute value, or undefined when the value is of the wrong type. */
export function textAttrValue(attr: TextAttr, v: unknown): Marks[TextAttr] | null | undefined {
  if (v === null) return null;
  switch (attr) {
    case 'BOLD':
    case 'ITALIC':
    case 'UNDERLINE':
    case 'STRIKETHROUGH':
      return typeof v === 'boolean' ? v : undefined;
    case 'FONT_SIZE':
      return typeof v === 'number' && v > 0 ? v : undefined;
    case 'FONT_FAMILY':
    case 'LINK_URL':
      return typeof v === 'string' ? v : undefined;
    case 'FOREGROUND_COLOR':
    case 'BACKGROUND_COLOR':
      return colorValue(v);
  }
}

export function numberOrNull(v: unknown): number | null | undefined {
  if (v === null) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
