// Reads what Docs needs from an image blob: its real format and pixel size (an inline image starts at its natural size).
import { LocalBlob } from '../blob';
import { localRefusal } from './errors';

export interface ImageData {
  bytes: Uint8Array;
  contentType: string;
  width: number | null;
  height: number | null;
}

/**
 * Docs API reference (InsertInlineImageRequest): "Images must be less than 50MB in size, cannot exceed 25 megapixels,
 * and must be in one of PNG, JPEG, or GIF format." DocumentApp sits on the same storage, so the same rules apply.
 */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 25_000_000;

/** The bytes of a Blob or BlobSource handed in by a script, read without counting calls on the blob. */
export function blobBytes(source: unknown): Uint8Array {
  if (typeof source === 'object' && source !== null) {
    const raw = (source as { _raw?: unknown })._raw;
    if (typeof raw === 'function') return (raw as () => Uint8Array).call(source);
    if (source instanceof LocalBlob) return source._raw();
    const getBlob = (source as { getBlob?: unknown }).getBlob;
    if (typeof getBlob === 'function') return blobBytes((getBlob as () => unknown).call(source));
    const getBytes = (source as { getBytes?: unknown }).getBytes;
    if (typeof getBytes === 'function') {
      return Uint8Array.from((getBytes as () => number[]).call(source), (b) => b & 0xff);
    }
  }
  throw new TypeError('not a Blob or BlobSource');
}

export function readImage(source: unknown): ImageData {
  const bytes = blobBytes(source);
  if (bytes.length >= MAX_IMAGE_BYTES) throw localRefusal('Images must be less than 50MB in size.');
  const info = sniff(bytes);
  if (!info) throw localRefusal('Invalid image data: the blob is not a PNG, JPEG or GIF image.');
  if (info.width !== null && info.height !== null && info.width * info.height > MAX_IMAGE_PIXELS) {
    throw localRefusal('Images cannot exceed 25 megapixels.');
  }
  return { bytes: bytes.slice(), ...info };
}

function sniff(b: Uint8Array): Omit<ImageData, 'bytes'> | null {
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { contentType: 'image/png', width: u32(b, 16), height: u32(b, 20) };
  }
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { contentType: 'image/gif', width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    return { contentType: 'image/jpeg', ...jpegSize(b) };
  }
  return null;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

function jpegSize(b: Uint8Array): { width: number | null; height: number | null } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return { width: null, height: null };
    const marker = b[i + 1];
    const length = (b[i + 2] << 8) | b[i + 3];
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    i += 2 + length;
  }
  return { width: null, height: null };
}
