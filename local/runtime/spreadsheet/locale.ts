// What a spreadsheet locale changes in this runtime: the order of typed dates, the currency sign, and the formats
// Sheets applies on its own when a cell receives a date or time.
import { NotImplementedError } from '../core';

export interface LocaleInfo {
  id: string;
  /** 31/03/2010 (day first) rather than 3/31/2010. */
  dayFirst: boolean;
  currency: string;
  /** Applied to a cell with no number format when a date is typed into it. */
  dateFormat: string;
  /** Applied to a cell with no number format when a Date object or a typed date-time is written. */
  dateTimeFormat: string;
  /** Applied when a time of day is typed. */
  timeFormat: string;
}

const LOCALES: Record<string, LocaleInfo> = {
  en_GB: {
    id: 'en_GB',
    dayFirst: true,
    currency: '£',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
    timeFormat: 'HH:mm:ss',
  },
  en_US: {
    id: 'en_US',
    dayFirst: false,
    currency: '$',
    dateFormat: 'M/d/yyyy',
    dateTimeFormat: 'M/d/yyyy H:mm:ss',
    timeFormat: 'h:mm:ss am/pm',
  },
};

export function localeInfo(id: string): LocaleInfo {
  const found = LOCALES[id];
  if (!found) throw new NotImplementedError(`spreadsheet locale "${id}" (en_GB and en_US are modelled)`);
  return found;
}
