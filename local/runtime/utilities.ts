// Utilities of the local Apps Script runtime: formatDate (real time zones), formatString, blobs, base64,
// digests, CSV, UUIDs and a sleep that moves the simulated clock instead of waiting.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { NotImplementedError, isDate, type RuntimeCore } from './core';
import { newBlob, type LocalBlob } from './blob';
import { formatDate } from './formatDate';
import { enumKey, makeEnum } from './enums';

export { formatDate } from './formatDate';

/** Apps Script caps Utilities.sleep at 5 minutes (reference: Utilities.sleep, "maximum allowed value is 300000"). */
export const MAX_SLEEP_MS = 300000;

const CHARSETS = makeEnum('Charset', ['US_ASCII', 'UTF_8'] as const);
const DIGESTS = makeEnum('DigestAlgorithm', [
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
] as const);
const MACS = makeEnum('MacAlgorithm', [
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const);

const NODE_DIGEST: Record<string, string | undefined> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_MAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

type Bytes = number[];

class UtilitiesImpl {
  readonly Charset = CHARSETS;
  readonly DigestAlgorithm = DIGESTS;
  readonly MacAlgorithm = MACS;

  constructor(private readonly _core: RuntimeCore) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return sprintf(String(template), args);
  }

  getUuid(): string {
    return randomUUID();
  }

  newBlob(data: string | Bytes, contentType?: string | null, name?: string | null): LocalBlob {
    return newBlob(this._core, 'Utilities', data, contentType ?? null, name ?? null);
  }

  /** Advances the simulated clock; nothing actually waits. */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    // The cap is documented; the wording of the error is not. It follows Apps Script's "Argument too large: x".
    if (ms > MAX_SLEEP_MS) throw new Error('Argument too large: milliseconds');
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: milliseconds');
    this._core.advance(Math.floor(ms));
  }

  base64Encode(data: string | Bytes, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64');
  }

  /** Web-safe alphabet (- and _) with the = padding kept, as the reference's examples show. */
  base64EncodeWebSafe(data: string | Bytes, charset?: unknown): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: unknown): Bytes {
    return signed(decodeBase64(String(encoded), /^[A-Za-z0-9+/]*={0,2}$/, charset));
  }

  base64DecodeWebSafe(encoded: string, charset?: unknown): Bytes {
    const s = String(encoded);
    return signed(decodeBase64(s, /^[A-Za-z0-9\-_]*={0,2}$/, charset));
  }

  computeDigest(algorithm: unknown, value: string | Bytes, charset?: unknown): Bytes {
    const name = enumKey(DIGESTS, algorithm);
    if (name === null) throw signatureError('Utilities.computeDigest', [algorithm, value]);
    const nodeName = NODE_DIGEST[name];
    if (!nodeName) throw new NotImplementedError(`Utilities.DigestAlgorithm.${name}`);
    return signed(createHash(nodeName).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: unknown): Bytes {
    return this.computeHmacSignature(MACS.HMAC_SHA_256, value, key, charset);
  }

  computeHmacSignature(
    algorithm: unknown,
    value: string | Bytes,
    key: string | Bytes,
    charset?: unknown,
  ): Bytes {
    const name = enumKey(MACS, algorithm);
    if (name === null) throw signatureError('Utilities.computeHmacSignature', [algorithm, value, key]);
    const nodeName = NODE_MAC[name];
    return signed(createHmac(nodeName, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  parseCsv(csv: string, delimiter = ','): string[][] {
    return parseCsv(String(csv), String(delimiter));
  }
}

export function createUtilities(core: RuntimeCore): { Utilities: UtilitiesImpl } {
  return { Utilities: core.expose('Utilities', 'Utilities', new UtilitiesImpl(core)) };
}

function nodeEncoding(charset: unknown): BufferEncoding {
  if (charset === undefined) return 'utf8';
  const name = enumKey(CHARSETS, charset);
  if (name === 'UTF_8') return 'utf8';
  // Java's US-ASCII encoder writes '?' for anything it cannot encode; Node's 'ascii' would keep the low 7 bits.
  if (name === 'US_ASCII') return 'ascii';
  throw new Error(`Invalid argument: charset (${String(charset)})`);
}

function toBuffer(data: string | Bytes, charset?: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  const text = String(data);
  if (nodeEncoding(charset) === 'ascii')
    return Buffer.from(text.replace(/[\u0080-\u{10FFFF}]/gu, '?'), 'ascii');
  return Buffer.from(text, 'utf8');
}

/**
 * Decodes base64, refusing characters outside the alphabet. The message is Apps Script's as recalled from
 * scripts that hit it ("Could not decode string."); it is not in the reference.
 */
function decodeBase64(s: string, alphabet: RegExp, charset: unknown): Buffer {
  nodeEncoding(charset); // validates the charset argument; bytes come out the same for both charsets
  const compact = s.replace(/\s+/g, '');
  if (!alphabet.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new Error('Could not decode string.');
  }
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Apps Script hands bytes to scripts as signed Java bytes (-128..127). */
function signed(buf: Uint8Array): Bytes {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Apps Script's error for arguments of the wrong types, e.g. a string where a Date belongs. */
export function signatureError(method: string, args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** How Apps Script names an argument's type in "The parameters (...) don't match" errors. */
function javaTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

/**
 * sprintf-like formatting: %[flags][width][.precision]conversion with s d i f e E x X o c and %%.
 * A placeholder with no argument left is kept as written.
 */
function sprintf(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (whole, flags: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (next >= args.length) return whole;
      const arg = args[next++];
      let body: string;
      const num = Number(arg);
      const prec = precision === undefined ? undefined : Number(precision);
      switch (conv) {
        case 's':
          body = String(arg);
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case 'd':
        case 'i':
          body = String(Math.trunc(num));
          break;
        case 'f':
          body = num.toFixed(prec ?? 6);
          break;
        case 'e':
        case 'E':
          body = num.toExponential(prec ?? 6);
          if (conv === 'E') body = body.toUpperCase();
          break;
        case 'x':
        case 'X':
          body = (Math.trunc(num) >>> 0).toString(16);
          if (conv === 'X') body = body.toUpperCase();
          break;
        case 'o':
          body = (Math.trunc(num) >>> 0).toString(8);
          break;
        default: // 'c'
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
      }
      const numeric = conv !== 's' && conv !== 'c';
      if (numeric && flags.includes('+') && num >= 0) body = '+' + body;
      else if (numeric && flags.includes(' ') && num >= 0) body = ' ' + body;
      const w = width === undefined ? 0 : Number(width);
      if (body.length >= w) return body;
      if (flags.includes('-')) return body + ' '.repeat(w - body.length);
      if (numeric && flags.includes('0')) {
        const sign = /^[+\- ]/.test(body) ? body[0] : '';
        return sign + '0'.repeat(w - body.length) + body.slice(sign.length);
      }
      return ' '.repeat(w - body.length) + body;
    },
  );
}

/** RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks; a final newline adds no row. */
function parseCsv(csv: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  if (csv === '') return rows;
  while (i < csv.length) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += c;
        i += 1;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0 || quoted) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
