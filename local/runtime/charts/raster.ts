// A tiny RGB raster the chart drawer paints into: solid rectangles and CSS colours, nothing anti-aliased, so a test
// can count each colour's pixels exactly.
export type Rgb = readonly [number, number, number];

const NAMED: Record<string, Rgb> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  yellow: [255, 255, 0],
  orange: [255, 165, 0],
  grey: [128, 128, 128],
  gray: [128, 128, 128],
  silver: [192, 192, 192],
  purple: [128, 0, 128],
  navy: [0, 0, 128],
  lime: [0, 255, 0],
  amber: [255, 191, 0],
};

/** A CSS colour as Google Charts accepts it (#rgb, #rrggbb, rgb(r, g, b) or a basic name), or null if not one. */
export function parseCssColour(css: string): Rgb | null {
  const s = css.trim().toLowerCase();
  let m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  }
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m) return [parseInt(m[1] + m[1], 16), parseInt(m[2] + m[2], 16), parseInt(m[3] + m[3], 16)];
  m = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(s);
  if (m) {
    const rgb = [Number(m[1]), Number(m[2]), Number(m[3])] as const;
    return rgb.every((v) => v <= 255) ? rgb : null;
  }
  return NAMED[s] ?? null;
}

export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  /** Fills [x0, x1) × [y0, y1), clipped to the image. */
  fillRect(x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
    const left = Math.max(0, Math.round(Math.min(x0, x1)));
    const right = Math.min(this.width, Math.round(Math.max(x0, x1)));
    const top = Math.max(0, Math.round(Math.min(y0, y1)));
    const bottom = Math.min(this.height, Math.round(Math.max(y0, y1)));
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        const i = (y * this.width + x) * 3;
        this.pixels[i] = colour[0];
        this.pixels[i + 1] = colour[1];
        this.pixels[i + 2] = colour[2];
      }
    }
  }
}
