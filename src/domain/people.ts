// The People sheet: lead names resolved to email addresses (a group's row may hold several).
import { isAllowedDomain, isValidEmail, splitEmails } from './email';
import type { Problem } from './problems';
import { isBlankRow, mapColumns, normaliseHeader } from './schema';

export interface Person {
  name: string;
  emails: string[];
  role: string;
  managerEmails: string[];
  row: number;
}

export const PEOPLE_SHEET = 'People';

export const PEOPLE_COLUMNS = {
  headers: { name: 'Name', email: 'Email', role: 'Role', managerEmail: 'Manager email' },
  required: ['name', 'email'] as const,
};

export interface PeopleDirectory {
  people: Person[];
  /** Finds a person by name, case- and space-insensitively. */
  find(name: string): Person | undefined;
}

export function parsePeople(
  rows: readonly (readonly unknown[])[] | undefined,
  allowedDomains: readonly string[],
): { directory: PeopleDirectory; problems: Problem[]; errors: string[] } {
  if (!rows || rows.length === 0) {
    return {
      directory: directoryOf([]),
      problems: [],
      errors: [`The ${PEOPLE_SHEET} sheet is missing or empty.`],
    };
  }
  const { errors, text: get } = mapColumns(PEOPLE_SHEET, rows[0], PEOPLE_COLUMNS);
  if (errors.length) return { directory: directoryOf([]), problems: [], errors };
  const people: Person[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    if (isBlankRow(row)) return;
    const rowNumber = i + 2;
    const problem = (column: string, message: string) =>
      problems.push({ sheet: PEOPLE_SHEET, row: rowNumber, code: '', column, message });
    const name = get(row, 'name');
    if (!name) return problem('Name', 'This row has no Name, so no action can name it as lead.');
    const key = normaliseHeader(name);
    if (seen.has(key))
      return problem('Name', `"${name}" is already on row ${seen.get(key)}; keep one row per name.`);
    seen.set(key, rowNumber);
    const emails = checkedEmails(get(row, 'email'), 'Email', allowedDomains, problem);
    if (get(row, 'email') === '') problem('Email', `${name} has no Email address.`);
    const managerEmails = checkedEmails(get(row, 'managerEmail'), 'Manager email', allowedDomains, problem);
    people.push({ name, emails, role: get(row, 'role'), managerEmails, row: rowNumber });
  });
  return { directory: directoryOf(people), problems, errors: [] };
}

function checkedEmails(
  text: string,
  column: string,
  allowedDomains: readonly string[],
  problem: (column: string, message: string) => void,
): string[] {
  const good: string[] = [];
  for (const address of splitEmails(text)) {
    if (!isValidEmail(address)) problem(column, `"${address}" is not a valid email address.`);
    else if (!isAllowedDomain(address, allowedDomains)) {
      problem(
        column,
        `${address} is outside the allowed email domains (${allowedDomains.join(', ')}); it will not be emailed.`,
      );
    } else good.push(address);
  }
  return good;
}

function directoryOf(people: Person[]): PeopleDirectory {
  const byName = new Map(people.map((p) => [normaliseHeader(p.name), p]));
  return { people, find: (name) => byName.get(normaliseHeader(name)) };
}

/**
 * Splits a Lead cell into names. Separators are "/", ",", "&" and " and " (DESIGN 2.2), but a People name may
 * itself contain one ("Finance and Resources Director"), so names known to People are taken out whole first.
 */
export function splitLeads(text: string, directory?: PeopleDirectory): string[] {
  const whole = (directory?.people ?? [])
    .map((p) => p.name)
    .filter((n) => /[/,&]|\sand\s/i.test(n))
    .sort((a, b) => b.length - a.length);
  // Each whole name is swapped for a numbered marker, the rest is split, and the markers are swapped back.
  let marked = text.replace(/\s+/g, ' ');
  whole.forEach((name, i) => {
    marked = marked.replace(new RegExp(escapeRegExp(name), 'gi'), `${MARK}${i}${MARK}`);
  });
  return marked
    .split(/\/|,|&|\band\b/i)
    .map((part) => part.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_, i: string) => whole[+i]).trim())
    .filter(Boolean);
}

/** A character no one types into a Lead cell, marking where a whole name was taken out. */
const MARK = '\u0001';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
