// A test-side PNG reader, independent of the encoder: checks the signature and every chunk's CRC (with zlib's own
// crc32), reads IHDR, inflates the IDAT data and undoes the filters, so tests can count pixels by colour.
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** Pixels as "#rrggbb", row by row. */
  pixel(x: number, y: number): string;
  /** How many pixels of each colour. */
  histogram(): Map<string, number>;
  chunkTypes: string[];
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes);
  if (!PNG_SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG signature');
  let at = 8;
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | null = null;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    const crc = buf.readUInt32BE(at + 8 + length);
    if (zlibCrc32(buf.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`bad CRC on ${type}`);
    chunkTypes.push(type);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (!ihdr) throw new Error('no IHDR');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8];
  const colourType = ihdr[9];
  if (bitDepth !== 8 || colourType !== 2)
    throw new Error(`reader handles 8-bit RGB only, got ${bitDepth}/${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  if (raw.length !== (stride + 1) * height) throw new Error('IDAT size does not match IHDR');
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 3 ? rgb[y * stride + x - 3] : 0;
      const b = y > 0 ? rgb[(y - 1) * stride + x] : 0;
      const c = x >= 3 && y > 0 ? rgb[(y - 1) * stride + x - 3] : 0;
      rgb[y * stride + x] = (v + predictor(filter, a, b, c)) & 0xff;
    }
  }
  const pixel = (x: number, y: number) => {
    const i = (y * width + x) * 3;
    return '#' + [rgb[i], rgb[i + 1], rgb[i + 2]].map((n) => n.toString(16).padStart(2, '0')).join('');
  };
  return {
    width,
    height,
    bitDepth,
    colourType,
    chunkTypes,
    pixel,
    histogram: () => {
      const counts = new Map<string, number>();
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) counts.set(pixel(x, y), (counts.get(pixel(x, y)) ?? 0) + 1);
      }
      return counts;
    },
  };
}

function predictor(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return Math.floor((a + b) / 2);
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`unknown filter ${filter}`);
  }
}
