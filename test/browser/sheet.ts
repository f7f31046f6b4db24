// Reading and naming Actions cells by header in the browser tests (the sheet as the bundle left it).
import { columnLetter } from '../../src/domain/schema';
import type { SidebarSession } from './harness';

function columnOf(s: SidebarSession, header: string): number {
  const headers = s.values('Actions')?.[0] ?? [];
  const index = headers.indexOf(header);
  if (index === -1) throw new Error(`Actions has no column ${header}`);
  return index;
}

/** The value of `header` on Actions row `row` (header row = 1). */
export function cell(s: SidebarSession, row: number, header: string): unknown {
  return s.values('Actions')?.[row - 1]?.[columnOf(s, header)];
}

/** A1 notation of `header` on `row`, for a person's edit (bundle.userEdit). */
export function a1(s: SidebarSession, row: number, header: string): string {
  return `${columnLetter(columnOf(s, header))}${row}`;
}

/** A date cell as yyyy-mm-dd in London (the plan's zone), '' for anything else. */
export function dayOf(value: unknown): string {
  // The bundle's dates come from the runtime's clock-aware Date class, so test the kind, not the constructor.
  if (Object.prototype.toString.call(value) !== '[object Date]') return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(value as Date);
}
