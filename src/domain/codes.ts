// Action codes: theme prefix + category letter + number (CEA1, OCB5), whether a code fits its row, and which codes
// new rows get (the next number after every number ever used for that stem: never a reused one).
import type { Category, Lists, Theme } from './lists';
import { normaliseHeader } from './schema';

export interface ParsedCode {
  stem: string;
  number: number;
}

/** Splits "CEC12" into stem "CEC" and number 12; undefined when it is not letters then digits. */
export function parseCode(code: string): ParsedCode | undefined {
  const m = /^([A-Z]{2,5})(\d{1,4})$/.exec(code.trim().toUpperCase());
  return m ? { stem: m[1], number: +m[2] } : undefined;
}

/**
 * Reads a code as generously as a person may have typed it ("cec 4", "CEC-04", "CEC4."), for counting numbers
 * already taken only: treating an odd spelling as used can cost a number, missing it could hand the number out twice.
 */
export function parseCodeLoosely(code: string): ParsedCode | undefined {
  const m = /^([A-Z]{2,6})[\s\-_./]*0*(\d{1,9})\.?$/.exec(code.trim().toUpperCase());
  return m ? { stem: m[1], number: +m[2] } : undefined;
}

export function codeStem(prefix: string, categoryLetter: string): string {
  return `${prefix}${categoryLetter}`.toUpperCase();
}

/** A theme by its name, as the Theme column holds it. */
export function findTheme(lists: Lists, text: string): Theme | undefined {
  return lists.themes.find((t) => same(t.name, text));
}

/** A category by its letter, its name, or "A - Monitoring", as the Category column may hold it. */
export function findCategory(lists: Lists, text: string): Category | undefined {
  return lists.categories.find(
    (c) => same(c.letter, text) || same(c.name, text) || same(`${c.letter} - ${c.name}`, text),
  );
}

/** Highest number ever given per stem ({"CEC": 4}), kept between runs so a deleted row's number stays used. */
export type HighWater = Record<string, number>;

export interface CodeRow {
  /** The sheet row (header = 1). */
  row: number;
  code: string;
  theme: string;
  category: string;
}

export interface CodePlan {
  /** Codes to give, in row order. */
  assigned: { row: number; code: string }[];
  /** Rows without a code that cannot have one yet, and why. */
  skipped: { row: number; message: string }[];
  /** The high-water marks after this run: every number seen or given, per stem. */
  highWater: HighWater;
}

/**
 * Decides the code of every row without one: the stem from its theme's prefix and category's letter, the number one
 * past the highest ever used for that stem, on Actions, on Archive, or in the high-water marks. Gaps are never
 * filled: a missing number may belong to a row someone deleted, and a code must never come back meaning something
 * else.
 */
export function planCodes(input: {
  rows: readonly CodeRow[];
  archivedCodes: readonly string[];
  highWater: HighWater;
  lists: Lists;
}): CodePlan {
  const highest: HighWater = { ...input.highWater };
  const see = (code: string) => {
    const parsed = parseCodeLoosely(code);
    if (parsed && parsed.number > (highest[parsed.stem] ?? 0)) highest[parsed.stem] = parsed.number;
  };
  for (const row of input.rows) if (row.code.trim()) see(row.code);
  for (const code of input.archivedCodes) see(code);

  const assigned: CodePlan['assigned'] = [];
  const skipped: CodePlan['skipped'] = [];
  for (const row of input.rows) {
    if (row.code.trim()) continue;
    const theme = findTheme(input.lists, row.theme);
    const category = findCategory(input.lists, row.category);
    const why = [
      row.theme.trim() === ''
        ? 'Theme is missing'
        : !theme
          ? `Theme "${row.theme.trim()}" is not in Lists › Themes`
          : '',
      row.category.trim() === ''
        ? 'Category is missing'
        : !category
          ? `Category "${row.category.trim()}" is not in Lists › Categories`
          : '',
    ].filter(Boolean);
    if (!theme || !category) {
      skipped.push({ row: row.row, message: `${why.join('; ')}.` });
      continue;
    }
    const stem = codeStem(theme.prefix, category.letter);
    const number = (highest[stem] ?? 0) + 1;
    highest[stem] = number;
    assigned.push({ row: row.row, code: `${stem}${number}` });
  }
  // Only stems the Lists can make (and ones stored before) are kept: a column of odd text must not grow the
  // property past its 9 KB limit.
  const stems = new Set([
    ...Object.keys(input.highWater),
    ...input.lists.themes.flatMap((t) => input.lists.categories.map((c) => codeStem(t.prefix, c.letter))),
  ]);
  const highWater = Object.fromEntries(Object.entries(highest).filter(([stem]) => stems.has(stem)));
  return { assigned, skipped, highWater };
}

/** Reads the stored high-water marks; anything unreadable counts as none (the sheet's own codes still count). */
export function parseHighWater(stored: string | null): HighWater {
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: HighWater = {};
    for (const [stem, n] of Object.entries(parsed as Record<string, unknown>)) {
      if (/^[A-Z]{2,6}$/.test(stem) && typeof n === 'number' && Number.isInteger(n) && n > 0) out[stem] = n;
    }
    return out;
  } catch {
    return {};
  }
}

/** Stems in sorted order, so the same marks always store as the same text (and an unchanged one is not rewritten). */
export function formatHighWater(highWater: HighWater): string {
  return JSON.stringify(Object.fromEntries(Object.entries(highWater).sort(([a], [b]) => a.localeCompare(b))));
}

function same(a: string, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}
