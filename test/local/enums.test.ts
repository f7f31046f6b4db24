// Pins the enum maker every service shares: constants print as their key, and identity (not the key) decides membership.
import { enumKey, enumNameOf, makeEnum } from '../../local/runtime/enums';

describe('makeEnum', () => {
  const Horizontal = makeEnum('HorizontalAlignment', ['LEFT', 'CENTER', 'RIGHT'] as const);
  const Vertical = makeEnum('VerticalAlignment', ['TOP', 'CENTER', 'BOTTOM'] as const);

  it('gives frozen constants that print, serialise and count as the Apps Script ones', () => {
    const c = Horizontal.CENTER;
    expect([String(c), c.name(), c.ordinal(), JSON.stringify({ c })]).toEqual([
      'CENTER',
      'CENTER',
      1,
      '{"c":"CENTER"}',
    ]);
    expect(Object.isFrozen(Horizontal)).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('recognises a constant only in its own enum, even where another enum has the same key', () => {
    expect(enumKey(Horizontal, Horizontal.CENTER)).toBe('CENTER');
    expect(enumKey(Horizontal, Vertical.CENTER)).toBeNull();
    expect(enumKey(Horizontal, 'CENTER')).toBeNull();
    expect(enumKey(Horizontal, { toString: () => 'CENTER' })).toBeNull();
  });

  it('names the enum a constant belongs to (for signature errors), and nothing else', () => {
    expect(enumNameOf(Vertical.TOP)).toBe('VerticalAlignment');
    expect([enumNameOf('TOP'), enumNameOf(null), enumNameOf({})]).toEqual([null, null, null]);
  });
});
