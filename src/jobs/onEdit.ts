// The installable on-edit trigger (being built): see issue 3.
import type { RangePort } from '../gas/ports';
import type { Services } from '../gas/ports';

/** The event object of an installable on-edit trigger (the fields this code reads). */
export interface EditEvent {
  range: RangePort;
  /** Present only for a single-cell edit. */
  value?: unknown;
  oldValue?: unknown;
  user?: { getEmail(): string };
}

export function handleEdit(_services: Services, _event: EditEvent): void {
  throw new Error('The audit trail is being built.');
}
