// Set up or repair (being built): see issue 3.
import type { Services } from '../gas/ports';

export interface SetupResult {
  /** Plain-English lines saying what was created or changed; empty when nothing needed doing. */
  changes: string[];
}

export function setUpOrRepair(_services: Services): SetupResult {
  throw new Error('Set up or repair is being built.');
}
