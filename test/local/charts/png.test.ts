// Pins the PNG encoder: a valid file (signature, CRCs, IHDR) whose pixels come back exactly.
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, encodePng } from '../../../local/runtime/charts/png';
import { decodePng } from './decodePng';

describe('encodePng', () => {
  it('computes CRC-32 as zlib does (the IEND chunk CRC is AE426082)', () => {
    const iend = Buffer.from('IEND', 'latin1');
    expect(crc32(iend)).toBe(0xae426082);
    const sample = Buffer.from('Corporate Improvement Plan', 'utf8');
    expect(crc32(sample)).toBe(zlibCrc32(sample));
  });

  it('writes signature, IHDR, IDAT and IEND and the pixels decode back unchanged', () => {
    const width = 3;
    const height = 2;
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const png = decodePng(encodePng(width, height, rgb));
    expect(png.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([3, 2, 8, 2]);
    expect([png.pixel(0, 0), png.pixel(1, 0), png.pixel(2, 0)]).toEqual(['#ff0000', '#00ff00', '#0000ff']);
    expect(png.pixel(2, 1)).toBe('#070809');
  });

  it('refuses pixel data of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(5))).toThrow(RangeError);
  });
});
