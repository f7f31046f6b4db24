// Pins the local Utilities against the reference's own examples and well-known digest vectors.
import { createHash } from 'node:crypto';
import { NotImplementedError, RuntimeCore } from '../../local/runtime/core';
import { createUtilities, MAX_SLEEP_MS } from '../../local/runtime/utilities';

function setup() {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  return { core, Utilities: createUtilities(core).Utilities };
}

const hexToSigned = (hex: string): number[] =>
  Array.from(Buffer.from(hex, 'hex'), (b) => (b > 127 ? b - 256 : b));

describe('Utilities.formatDate', () => {
  it('formats in the given zone and counts the call', () => {
    const { core, Utilities } = setup();
    expect(Utilities.formatDate(new Date('2010-03-28T01:30:00Z'), 'Europe/London', 'HH:mm z')).toBe(
      '02:30 BST',
    );
    expect(core.calls.get('Utilities.Utilities.formatDate')).toBe(1);
  });

  it('refuses a string where the Date belongs with Apps Script signature error', () => {
    const { Utilities } = setup();
    expect(() => Utilities.formatDate('2010-03-10', 'GMT', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities.formatString', () => {
  it('matches the reference examples', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%11.6f', 123.456)).toBe(' 123.456000');
    expect(Utilities.formatString('%6s', 'abc')).toBe('   abc');
  });

  it('handles flags, integers, hex and a literal percent', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%05d|%-5s|%x|%d%%', 42, 'ab', 255, 7)).toBe('00042|ab   |ff|7%');
    expect(Utilities.formatString('%+d %s', 5)).toBe('+5 %s');
  });
});

describe('Utilities.sleep', () => {
  it('moves the simulated clock instead of waiting', () => {
    const { core, Utilities } = setup();
    const before = core.nowMillis();
    Utilities.sleep(1500);
    expect(core.nowMillis() - before).toBe(1500);
  });

  it('allows the documented maximum of 300000 ms and refuses more without moving the clock', () => {
    const { core, Utilities } = setup();
    Utilities.sleep(MAX_SLEEP_MS);
    const before = core.nowMillis();
    expect(() => Utilities.sleep(MAX_SLEEP_MS + 1)).toThrow('Argument too large: milliseconds');
    expect(core.nowMillis()).toBe(before);
  });
});

describe('base64', () => {
  // The reference's examples: "A string here" and "Google グループ".
  it('encodes strings and bytes as the reference shows', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('A string here')).toBe('QSBzdHJpbmcgaGVyZQ==');
    expect(Utilities.base64Encode(Utilities.newBlob('A string here').getBytes())).toBe(
      'QSBzdHJpbmcgaGVyZQ==',
    );
    expect(Utilities.base64Encode('Google グループ', Utilities.Charset.UTF_8)).toBe(
      'R29vZ2xlIOOCsOODq+ODvOODlw==',
    );
    expect(Utilities.base64EncodeWebSafe('Google グループ', Utilities.Charset.UTF_8)).toBe(
      'R29vZ2xlIOOCsOODq-ODvOODlw==',
    );
  });

  it('decodes to signed Java bytes', () => {
    const { Utilities } = setup();
    const expected = [
      71, 111, 111, 103, 108, 101, 32, -29, -126, -80, -29, -125, -85, -29, -125, -68, -29, -125, -105,
    ];
    expect(Utilities.base64Decode('R29vZ2xlIOOCsOODq+ODvOODlw==')).toEqual(expected);
    expect(Utilities.base64DecodeWebSafe('R29vZ2xlIOOCsOODq-ODvOODlw==')).toEqual(expected);
    expect(Utilities.newBlob(Utilities.base64Decode('R29vZ2xlIOOCsOODq+ODvOODlw==')).getDataAsString()).toBe(
      'Google グループ',
    );
  });

  it('refuses a string that is not base64', () => {
    const { Utilities } = setup();
    expect(() => Utilities.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  it('writes ? for characters US-ASCII cannot hold', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('é', Utilities.Charset.US_ASCII)).toBe(Buffer.from('?').toString('base64'));
  });
});

describe('digests', () => {
  it('gives the standard vectors as signed bytes', () => {
    const { Utilities } = setup();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '')).toEqual(
      hexToSigned('d41d8cd98f00b204e9800998ecf8427e'),
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc')).toEqual(
      hexToSigned('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, [97, 98, 99])).toEqual(
      hexToSigned('a9993e364706816aba3e25717850c26c9cd0d89d'),
    );
  });

  it('computes HMAC-SHA256', () => {
    const { Utilities } = setup();
    expect(
      Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key'),
    ).toEqual(hexToSigned('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'));
  });

  it('wants the enum, not its name, and refuses MD2', () => {
    const { Utilities } = setup();
    expect(() => Utilities.computeDigest('SHA_256', 'abc')).toThrow(
      "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
    );
    expect(() => Utilities.computeDigest(Utilities.DigestAlgorithm.MD2, 'abc')).toThrow(NotImplementedError);
  });

  it('hashes strings as UTF-8 by default', () => {
    const { Utilities } = setup();
    const utf8 = createHash('sha256').update(Buffer.from('£', 'utf8')).digest('hex');
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, '£')).toEqual(hexToSigned(utf8));
  });
});

describe('blobs, UUIDs and CSV', () => {
  it('makes counted blobs, copies included', () => {
    const { core, Utilities } = setup();
    const blob = Utilities.newBlob('héllo', 'text/plain', 'a.txt');
    expect(blob.getDataAsString()).toBe('héllo');
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    const copy = blob.copyBlob();
    expect(copy.getName()).toBe('a.txt');
    expect(core.calls.get('Utilities.Blob.getName')).toBe(1);
    expect(() => blob.getAs('application/pdf')).toThrow(NotImplementedError);
  });

  it('gives random version-4 UUIDs', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('parses CSV like the reference example, with quotes and custom delimiters', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('a,b,c\nd,e,f')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(Utilities.parseCsv('a\tb\tc\nd\te\tf', '\t')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(Utilities.parseCsv('"x, y","say ""hi""","two\nlines"\r\n1,,3\n')).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('throws on members it does not implement', () => {
    const { Utilities } = setup();
    expect(() => (Utilities as unknown as { zip(): void }).zip()).toThrow(
      'not implemented in the local runtime: Utilities.zip',
    );
  });
});
