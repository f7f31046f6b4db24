// Settings and schedules… (being built): see issue 3.
import type { Services } from '../gas/ports';

export interface SettingsAndSchedules {
  html: string;
}

export function showSettingsAndSchedules(_services: Services): SettingsAndSchedules {
  throw new Error('Settings and schedules is being built.');
}
