// Assign codes to new actions (being built): see issue 3.
import type { Services } from '../gas/ports';

export interface AssignCodesResult {
  /** Codes given, as [row, code]. */
  assigned: [number, string][];
  /** Rows left without a code, with why. */
  skipped: { row: number; message: string }[];
}

export function assignCodes(_services: Services): AssignCodesResult {
  throw new Error('Assign codes is being built.');
}
