// Text written back to cells stays text: a leading = + - @ (or ') gets the apostrophe Sheets reads as "this is text".
import { asCellText } from '../../src/domain/values';

describe('asCellText', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['=IMPORTXML("http://x","//a")', '\'=IMPORTXML("http://x","//a")'],
    ['+44 1622', "'+44 1622"],
    ['- All Directorates', "'- All Directorates"],
    ['@here', "'@here"],
    ["'quoted", "''quoted"],
  ])('%s → %s', (text, written) => expect(asCellText(text)).toBe(written));

  it('leaves ordinary text alone', () => {
    expect(asCellText('Ensure consultation responses are recorded')).toBe(
      'Ensure consultation responses are recorded',
    );
  });
});
