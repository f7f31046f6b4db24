// Pins the local Charts service: a data table and bar/column chart builders whose charts are real PNG images of the
// data (bars in the given colours, in proportion, with axis lines), calls counted under 'Charts', and refusals for
// what is not modelled.
import { RuntimeCore, NotImplementedError } from '../../../local/runtime/core';
import { createCharts } from '../../../local/runtime/charts';
import { AXIS_COLOUR, plotArea } from '../../../local/runtime/charts/draw';
import { createDocumentApp } from '../../../local/runtime/document';
import { renderDocumentHtml } from '../../../local/render/documentHtml';
import { createLocalRuntime } from '../../../local/runtime';
import { decodePng, PNG_SIGNATURE } from './decodePng';

const OVERDUE = '#f4cccc';
const ON_TRACK = '#b6d7a8';
const COMPLETE = '#cfe2f3';

function setup() {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  const { Charts } = createCharts(core);
  return { core, Charts: Charts as unknown as GoogleAppsScript.Charts.Charts };
}

function statusByTheme(Charts: GoogleAppsScript.Charts.Charts) {
  return Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Theme')
    .addColumn(Charts.ColumnType.NUMBER, 'Overdue')
    .addColumn(Charts.ColumnType.NUMBER, 'On track')
    .addColumn(Charts.ColumnType.NUMBER, 'Complete')
    .addRow(['Outcomes', 2, 3, 5])
    .addRow(['Communications', 4, 0, 1]);
}

function bytesOf(blob: GoogleAppsScript.Base.Blob): Uint8Array {
  return Uint8Array.from(blob.getBytes(), (b) => b & 0xff);
}

/** Runs of each colour along one row of pixels, left to right. */
function runsAlongRow(png: ReturnType<typeof decodePng>, y: number, from: number, to: number) {
  const counts = new Map<string, number>();
  for (let x = from; x < to; x++) counts.set(png.pixel(x, y), (counts.get(png.pixel(x, y)) ?? 0) + 1);
  return counts;
}

describe('Charts: data tables and bar/column charts drawn as PNG', () => {
  it('draws a stacked bar chart as a real PNG with the bars in the given colours and proportions', () => {
    const { Charts } = setup();
    const chart = Charts.newBarChart()
      .setDataTable(statusByTheme(Charts))
      .setStacked()
      .setColors([OVERDUE, ON_TRACK, COMPLETE])
      .setDimensions(400, 300)
      .setLegendPosition(Charts.Position.NONE)
      .setTitle('Status by theme')
      .build();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    const bytes = bytesOf(blob);
    expect(Array.from(bytes.slice(0, 8))).toEqual(PNG_SIGNATURE);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([400, 300]);

    // Along the middle of the first bar (Outcomes: 2, 3, 5 of an axis ending at 10) the segments are 2:3:5 of
    // the plot's width.
    const area = plotArea({ width: 400, height: 300, legend: 'none' });
    const plotWidth = area.right - area.left;
    const firstBarMiddle = Math.round(area.top + (area.bottom - area.top) / 4);
    const runs = runsAlongRow(png, firstBarMiddle, 0, 400);
    expect(Math.abs((runs.get(OVERDUE) ?? 0) - 0.2 * plotWidth)).toBeLessThanOrEqual(1);
    expect(Math.abs((runs.get(ON_TRACK) ?? 0) - 0.3 * plotWidth)).toBeLessThanOrEqual(1);
    expect(Math.abs((runs.get(COMPLETE) ?? 0) - 0.5 * plotWidth)).toBeLessThanOrEqual(1);

    // Over the whole image: Overdue 6 units, On track 3, Complete 6 (two bars of equal thickness).
    const all = png.histogram();
    const overdue = all.get(OVERDUE) ?? 0;
    expect((all.get(ON_TRACK) ?? 0) / overdue).toBeCloseTo(0.5, 1);
    expect((all.get(COMPLETE) ?? 0) / overdue).toBeCloseTo(1, 1);
    // Axis lines are drawn; the background is white.
    const axis = '#' + AXIS_COLOUR.map((n) => n.toString(16).padStart(2, '0')).join('');
    expect(all.get(axis) ?? 0).toBeGreaterThanOrEqual(area.bottom - area.top + plotWidth);
    expect(png.pixel(0, 0)).toBe('#ffffff');
  });

  it('draws a grouped column chart with heights in proportion, in Google’s default colour, with a legend swatch', () => {
    const { Charts } = setup();
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Status')
      .addColumn(Charts.ColumnType.NUMBER, 'Actions')
      .addRow(['Overdue', 10])
      .addRow(['On track', 5])
      // @types lacks DataTable.getDataTable (the reference lists DataTable as a DataTableSource).
      .build() as unknown as GoogleAppsScript.Charts.DataTableSource;
    const chart = Charts.newColumnChart().setDataTable(table).setDimensions(300, 200).build();
    const png = decodePng(bytesOf(chart.getBlob()));
    expect([png.width, png.height]).toEqual([300, 200]);
    const area = plotArea({ width: 300, height: 200, legend: 'right' });
    const band = (area.right - area.left) / 2;
    const heightAt = (x: number) => {
      let n = 0;
      for (let y = 0; y < 200; y++) if (png.pixel(x, y) === '#3366cc') n++;
      return n;
    };
    const first = heightAt(Math.round(area.left + band / 2));
    const second = heightAt(Math.round(area.left + band * 1.5));
    expect(first).toBe(area.bottom - area.top); // 10 on an axis ending at 10
    expect(Math.abs(second - first / 2)).toBeLessThanOrEqual(1);
    // The legend swatch sits in the space on the right.
    expect(png.pixel(300 - area.legendWidth + 5, area.top + 5)).toBe('#3366cc');
  });

  it('records what it was told as Google Charts options', () => {
    const { Charts } = setup();
    const options = Charts.newBarChart()
      .setDataTable(statusByTheme(Charts))
      .setStacked()
      .setColors([OVERDUE])
      .setTitle('Status by theme')
      .setXAxisTitle('Actions')
      .setYAxisTitle('Theme')
      .setLegendPosition(Charts.Position.BOTTOM)
      .setOption('chartArea.width', '70%')
      .build()
      .getOptions();
    expect(options.get('title')).toBe('Status by theme');
    expect(options.get('isStacked')).toBe(true);
    expect(options.get('colors')).toEqual([OVERDUE]);
    expect(options.get('hAxis.title')).toBe('Actions');
    expect(options.get('vAxis.title')).toBe('Theme');
    expect(options.get('legend.position')).toBe('bottom');
    expect(options.get('chartArea.width')).toBe('70%');
    expect(options.get('width')).toBeNull();
  });

  it('counts every call under Charts', () => {
    const { core, Charts } = setup();
    Charts.newColumnChart().setDataTable(statusByTheme(Charts)).build().getBlob();
    expect(core.callsByMember()).toMatchObject({
      'Charts.Charts.newDataTable': 1,
      'Charts.Charts.newColumnChart': 1,
      'Charts.DataTableBuilder.addColumn': 4,
      'Charts.DataTableBuilder.addRow': 2,
      'Charts.ColumnChartBuilder.setDataTable': 1,
      'Charts.ColumnChartBuilder.build': 1,
      'Charts.Chart.getBlob': 1,
    });
  });

  it('refuses wrong arguments with Apps Script’s message, and what it does not model', () => {
    const { Charts } = setup();
    const builder = Charts.newBarChart();
    expect(() => builder.setColors('red' as unknown as string[])).toThrow(
      "The parameters (String) don't match the method signature for Charts.BarChartBuilder.setColors.",
    );
    expect(() => builder.setLegendPosition('bottom' as unknown as GoogleAppsScript.Charts.Position)).toThrow(
      /BarChartBuilder\.setLegendPosition/,
    );
    expect(() => builder.build()).toThrow(NotImplementedError);
    expect(() => builder.useLogScale()).toThrow(NotImplementedError);
    expect(() => Charts.newPieChart()).toThrow(NotImplementedError);
    const chart = builder.setDataTable(statusByTheme(Charts)).build();
    expect(() => chart.getAs('application/pdf')).toThrow(NotImplementedError);
  });

  it('refuses an empty or malformed data table when it is built', () => {
    const { Charts } = setup();
    expect(() => Charts.newDataTable().build()).toThrow(/empty/);
    const wrongType = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Theme')
      .addColumn(Charts.ColumnType.NUMBER, 'Overdue')
      .addRow(['Outcomes', 'two']);
    expect(() => wrongType.build()).toThrow(/malformed/);
    const tooLong = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Theme')
      .addRow(['Outcomes', 2]);
    expect(() => tooLong.build()).toThrow(/malformed/);
  });
});

describe('Charts in a document and in the rendered HTML', () => {
  it('body.appendImage(chart blob) holds the PNG at its size, and the HTML shows it as a data: image', () => {
    const core = new RuntimeCore('2010-03-10T09:00:00Z');
    const Charts = createCharts(core).Charts as unknown as GoogleAppsScript.Charts.Charts;
    const { DocumentApp, store } = createDocumentApp(core);
    const doc = DocumentApp.create('Cabinet report');
    const blob = Charts.newBarChart()
      .setDataTable(statusByTheme(Charts))
      .setStacked()
      .setDimensions(480, 240)
      .build()
      .getAs('image/png');
    const image = doc.getBody().appendImage(blob);
    expect([image.getWidth(), image.getHeight()]).toEqual([480, 240]);
    const html = renderDocumentHtml(store.model(doc));
    const base64 = Buffer.from(bytesOf(blob)).toString('base64');
    expect(html).toContain(`<img src="data:image/png;base64,${base64}" width="480" height="240"`);
  });
});

describe('the Charts global of the assembled runtime', () => {
  it('is this service, and its ChartType is the enum SpreadsheetApp’s chart builder takes', () => {
    const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
    const Charts = runtime.globals.Charts as GoogleAppsScript.Charts.Charts;
    const SpreadsheetApp = runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = runtime.spreadsheets.create('Plan');
    const png = runtime.execute(() => {
      const sheet = SpreadsheetApp.openById(ss.getId()).getSheets()[0];
      sheet.insertChart(
        sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B2')).build(),
      );
      return decodePng(
        bytesOf(Charts.newColumnChart().setDataTable(statusByTheme(Charts)).build().getBlob()),
      );
    });
    expect([png.width, png.height]).toEqual([600, 400]);
    expect(runtime.core.callsByService().Charts).toBeGreaterThan(0);
  });
});
