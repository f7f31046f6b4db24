// Reads an .eml file back for tests: unfolded headers with RFC 2047 words decoded, and the MIME parts (one level of
// multipart) with their transfer encoding undone. Deliberately small and strict: it throws on what it does not know.

export interface EmlPart {
  contentType: string;
  headers: Map<string, string>;
  text: string;
}

export interface Eml {
  /** Lower-case header name → decoded value (the last one of a name). */
  headers: Map<string, string>;
  parts: EmlPart[];
}

export function readEml(raw: string): Eml {
  const { headers, body } = splitEntity(raw);
  const contentType = headers.get('content-type') ?? 'text/plain';
  if (!contentType.startsWith('multipart/')) {
    return { headers, parts: [{ contentType, headers, text: decodeBody(body, headers) }] };
  }
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error('readEml: a multipart message without a boundary');
  const pieces = body.split(`--${boundary}`);
  if (pieces[pieces.length - 1].trim() !== '--' && !pieces[pieces.length - 1].startsWith('--')) {
    throw new Error('readEml: the closing boundary is missing');
  }
  const parts = pieces.slice(1, -1).map((piece) => {
    const part = splitEntity(piece.replace(/^\r\n/, '').replace(/\r\n$/, ''));
    return {
      contentType: part.headers.get('content-type') ?? 'text/plain',
      headers: part.headers,
      text: decodeBody(part.body, part.headers),
    };
  });
  return { headers, parts };
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('readEml: no blank line after the headers');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, end)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`readEml: not a header: ${line}`);
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: raw.slice(end + 4) };
}

/** RFC 2047 encoded words (Q and B, UTF-8); whitespace between two adjacent encoded words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : qpBytes(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

function decodeBody(body: string, headers: Map<string, string>): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return qpBytes(body.replace(/=\r\n/g, '')).toString('utf8');
  if (encoding === '7bit' || encoding === '8bit') return body;
  throw new Error(`readEml: unknown transfer encoding ${encoding}`);
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
