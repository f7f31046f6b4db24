// Lists: themes with prefixes, categories, statuses and sources, with defaults for an empty sheet.
import { DEFAULT_LISTS, parseLists } from '../../src/domain/lists';

const HEADERS = [
  'Theme',
  'Prefix',
  'Category letter',
  'Category name',
  'Category meaning',
  'Status',
  'Source',
];

describe('parseLists', () => {
  it('uses the DESIGN 2.2 defaults when the sheet is missing', () => {
    expect(parseLists(undefined).lists).toEqual(DEFAULT_LISTS);
    expect(DEFAULT_LISTS.themes.map((t) => t.prefix)).toEqual(['CE', 'CM', 'RM', 'MM', 'WD', 'CP', 'OC']);
  });

  it('reads lists laid side by side, of different lengths', () => {
    const { lists, problems } = parseLists([
      HEADERS,
      ['Finance', 'fi', 'A', 'Monitoring', 'm', 'Not started', 'Internal'],
      ['', '', '', '', '', 'In progress', ''],
      ['', '', '', '', '', 'Complete', ''],
      ['', '', '', '', '', 'Deferred', ''],
      ['', '', '', '', '', 'Cancelled', ''],
    ]);
    expect(problems).toEqual([]);
    expect(lists.themes).toEqual([{ name: 'Finance', prefix: 'FI' }]);
    expect(lists.statuses).toHaveLength(5);
    expect(lists.sources).toEqual(['Internal']);
  });

  it('reports half-filled rows, clashing prefixes and a missing rule status (which is then added back)', () => {
    const { lists, problems } = parseLists([
      HEADERS,
      ['Finance', 'FI', 'AB', 'Monitoring', '', 'In progress', ''],
      ['Fire', 'FI', '', '', '', '', ''],
      ['', 'XX', '', '', '', '', ''],
    ]);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'Category "Monitoring" needs a single capital letter (for example A).',
        'Prefix XX has no theme name.',
        'Prefix FI is used by two themes; codes would clash.',
        'The status "Complete" is missing from Lists; the plan\'s rules need it.',
      ]),
    );
    expect(lists.statuses).toContain('Cancelled');
  });
});
