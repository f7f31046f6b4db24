// People: names to addresses, groups with several addresses, bad and disallowed addresses, lead splitting.
import { parsePeople, splitLeads } from '../../src/domain/people';
import { PEOPLE_HEADERS, sheet } from '../builders/plan';

describe('parsePeople', () => {
  it('resolves names case- and space-insensitively; a group row holds several addresses', () => {
    const { directory, problems } = parsePeople(
      sheet(PEOPLE_HEADERS, [
        { Name: 'Managing Directors', Email: 'a@example.org, b@example.org; c@example.org' },
      ]),
      [],
    );
    expect(problems).toEqual([]);
    expect(directory.find('  managing   directors ')?.emails).toEqual([
      'a@example.org',
      'b@example.org',
      'c@example.org',
    ]);
  });

  it('reports invalid addresses, addresses outside the allowed domains, missing emails and doubled names', () => {
    const { directory, problems } = parsePeople(
      sheet(PEOPLE_HEADERS, [
        { Name: 'A', Email: 'not-an-address' },
        { Name: 'B', Email: 'x@gmail.com' },
        { Name: 'C', Email: '' },
        { Name: 'a', Email: 'a2@example.org' },
        { Name: 'D', Email: 'd@example.org', 'Manager email': 'boss@gmail.com' },
      ]),
      ['example.org'],
    );
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [2, '"not-an-address" is not a valid email address.'],
      [3, 'x@gmail.com is outside the allowed email domains (example.org); it will not be emailed.'],
      [4, 'C has no Email address.'],
      [5, '"a" is already on row 2; keep one row per name.'],
      [6, 'boss@gmail.com is outside the allowed email domains (example.org); it will not be emailed.'],
    ]);
    expect(directory.find('B')?.emails).toEqual([]);
    expect(directory.find('D')?.managerEmails).toEqual([]);
  });

  it('a missing Email header stops jobs that need People', () => {
    expect(parsePeople([['Name', 'Role']], []).errors).toEqual([
      'People: the required column "Email" is missing from the header row.',
    ]);
    expect(parsePeople(undefined, []).errors).toEqual(['The People sheet is missing or empty.']);
  });
});

describe('splitLeads', () => {
  it('splits on / , & and " and "', () => {
    expect(splitLeads('Amanda Beer/ Managing Directors, Robert Hardy & Leader and Chief Executive')).toEqual([
      'Amanda Beer',
      'Managing Directors',
      'Robert Hardy',
      'Leader',
      'Chief Executive',
    ]);
  });

  it('does not split inside a word ("Amanda" contains "and")', () => {
    expect(splitLeads('Amanda Honey')).toEqual(['Amanda Honey']);
  });

  it('keeps a People name that itself contains a separator whole', () => {
    const { directory } = parsePeople(
      sheet(PEOPLE_HEADERS, [
        { Name: 'Finance and Resources Director', Email: 'frd@example.org' },
        { Name: 'Robert Hardy', Email: 'rh@example.org' },
      ]),
      [],
    );
    expect(splitLeads('Robert Hardy / finance and resources director', directory)).toEqual([
      'Robert Hardy',
      'Finance and Resources Director',
    ]);
  });
});
