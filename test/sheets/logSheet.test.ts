// Log rows: text stays text and a long value is shortened instead of making the write fail.
import { logText, MAX_LOG_TEXT } from '../../src/sheets/logSheet';

describe('logText', () => {
  it('keeps every string as text: formulas, dates and numbers stay what the person saw', () => {
    expect(logText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(logText('20/03/2010')).toBe("'20/03/2010");
    expect(logText('40')).toBe("'40");
    expect(logText('')).toBe('');
  });

  it('shortens text past the limit and says how long it was', () => {
    const text = logText('x'.repeat(60_000));
    expect(text.length).toBeLessThan(50_000);
    expect(text.startsWith(`'${'x'.repeat(MAX_LOG_TEXT)}`)).toBe(true);
    expect(text.endsWith('… (shortened from 60,000 characters)')).toBe(true);
  });
});
