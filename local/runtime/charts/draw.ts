// Draws a bar or column chart into a raster: background, light gridlines, the bars (stacked or grouped) in the
// series' colours, the two axis lines and legend swatches. Text (title, axis titles, labels, legend text) is not
// drawn: the runtime has no font, so labels are recorded in the chart's options and left out of the picture.
import { Raster, type Rgb } from './raster';

export type Orientation = 'BAR' | 'COLUMN';
export type LegendPosition = 'right' | 'top' | 'bottom' | 'none';

export interface ChartPicture {
  /** BAR: categories down the side, bars grow rightwards. COLUMN: categories along the bottom, bars grow upwards. */
  orientation: Orientation;
  width: number;
  height: number;
  /** One array per series (the data table's columns after the first), one value per category (row). */
  series: number[][];
  colours: Rgb[];
  stacked: boolean;
  background: Rgb;
  legend: LegendPosition;
  /** The value axis' window; max defaults to a round number above the tallest bar. */
  min?: number;
  max?: number;
  reverseCategories: boolean;
}

export const AXIS_COLOUR: Rgb = [0x33, 0x33, 0x33];
export const GRIDLINE_COLOUR: Rgb = [0xcc, 0xcc, 0xcc];
/** Google Charts draws a group of bars across 61.8% of its category's band. */
const GROUP_WIDTH = 0.618;
const GRIDLINES = 4;
const SWATCH = 12;

/** The plot area inside the margins and the legend, in pixels: [left, top) to [right, bottom). */
export function plotArea(p: Pick<ChartPicture, 'width' | 'height' | 'legend'>) {
  const legendWidth = p.legend === 'right' ? Math.min(150, Math.round(p.width * 0.2)) : 0;
  const legendHeight = p.legend === 'top' || p.legend === 'bottom' ? 24 : 0;
  const left = Math.max(20, Math.round(p.width * 0.12));
  const right = p.width - 20 - legendWidth;
  const top = Math.max(10, Math.round(p.height * 0.1)) + (p.legend === 'top' ? legendHeight : 0);
  const bottom =
    p.height - Math.max(20, Math.round(p.height * 0.1)) - (p.legend === 'bottom' ? legendHeight : 0);
  return { left, right, top, bottom, legendWidth };
}

/** A round number (1, 2 or 5 × a power of ten) at or above `max`, as an axis would end. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const f = max / power;
  const step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return step * power;
}

export function drawChart(p: ChartPicture): Raster {
  const raster = new Raster(p.width, p.height, p.background);
  const area = plotArea(p);
  const categories = Math.max(0, ...p.series.map((s) => s.length));
  const tallest = p.stacked
    ? Math.max(
        0,
        ...Array.from({ length: categories }, (_, i) => p.series.reduce((n, s) => n + (s[i] ?? 0), 0)),
      )
    : Math.max(0, ...p.series.flat());
  const min = p.min ?? 0;
  const max = p.max ?? niceMax(tallest);
  const horizontal = p.orientation === 'BAR';
  const valueLength = horizontal ? area.right - area.left : area.bottom - area.top;
  const categoryLength = horizontal ? area.bottom - area.top : area.right - area.left;
  if (valueLength <= 0 || categoryLength <= 0) return raster;

  /** Distance along the value axis from the baseline, clamped to the window. */
  const along = (v: number) => Math.min(1, Math.max(0, (v - min) / (max - min || 1))) * valueLength;
  /** Paints a bar from value a to value b across [c0, c1) of the category axis. */
  const bar = (a: number, b: number, c0: number, c1: number, colour: Rgb) => {
    if (horizontal) {
      raster.fillRect(area.left + along(a), area.top + c0, area.left + along(b), area.top + c1, colour);
    } else {
      raster.fillRect(area.left + c0, area.bottom - along(b), area.left + c1, area.bottom - along(a), colour);
    }
  };

  for (let g = 1; g <= GRIDLINES; g++) {
    const at = Math.round((valueLength * g) / GRIDLINES);
    if (horizontal)
      raster.fillRect(area.left + at, area.top, area.left + at + 1, area.bottom, GRIDLINE_COLOUR);
    else raster.fillRect(area.left, area.bottom - at - 1, area.right, area.bottom - at, GRIDLINE_COLOUR);
  }

  const band = categoryLength / Math.max(1, categories);
  for (let i = 0; i < categories; i++) {
    // Bar charts list the first row at the top and column charts at the left, as Google Charts does.
    const slot = p.reverseCategories ? categories - 1 - i : i;
    const groupStart = slot * band + (band * (1 - GROUP_WIDTH)) / 2;
    const groupWidth = band * GROUP_WIDTH;
    if (p.stacked) {
      let sum = 0;
      p.series.forEach((s, k) => {
        const v = s[i] ?? 0;
        bar(sum, sum + v, groupStart, groupStart + groupWidth, p.colours[k % p.colours.length]);
        sum += v;
      });
    } else {
      const each = groupWidth / Math.max(1, p.series.length);
      p.series.forEach((s, k) => {
        const c0 = groupStart + k * each;
        bar(min, s[i] ?? 0, c0, c0 + each, p.colours[k % p.colours.length]);
      });
    }
  }

  // The axes: the category axis along the baseline side and the value axis beside it, drawn over the bars' ends.
  raster.fillRect(area.left - 1, area.top, area.left, area.bottom + 1, AXIS_COLOUR);
  raster.fillRect(area.left - 1, area.bottom, area.right, area.bottom + 1, AXIS_COLOUR);

  p.series.forEach((_, k) => {
    const colour = p.colours[k % p.colours.length];
    if (p.legend === 'right') {
      const x = p.width - area.legendWidth;
      const y = area.top + k * (SWATCH + 8);
      raster.fillRect(x, y, x + SWATCH, y + SWATCH, colour);
    } else if (p.legend === 'top' || p.legend === 'bottom') {
      // Each swatch leaves room where its label would be written.
      const x = area.left + k * 80;
      const y =
        p.legend === 'top' ? area.top - 24 + 6 : area.bottom + Math.max(20, Math.round(p.height * 0.1)) + 6;
      raster.fillRect(x, y, x + SWATCH, y + SWATCH, colour);
    }
  });
  return raster;
}
