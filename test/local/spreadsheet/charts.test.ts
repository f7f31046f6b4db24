// Pins embedded charts: the builder records type, ranges, position and options; insert gives an id; get, update and
// remove work by id; Charts.ChartType is the enum the builder takes.
import { NotImplementedError } from '../../../local/runtime/core';
import { setupSheet } from './helpers';

describe('embedded charts', () => {
  it('builds, inserts and reads back a chart', () => {
    const { sheet, charts, store } = setupSheet();
    const built = sheet
      .newChart()
      .setChartType(charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B8'))
      .setPosition(2, 5, 10, 0)
      .setOption('title', 'Actions by status')
      .build();
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    expect(chart.getChartId()).toBe(1);
    expect(chart.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B8']);
    expect(chart.getOptions().get('title')).toBe('Actions by status');
    expect(chart.getOptions().get('missing')).toBeNull();
    const where = chart.getContainerInfo();
    expect([where.getAnchorRow(), where.getAnchorColumn(), where.getOffsetX(), where.getOffsetY()]).toEqual([
      2, 5, 10, 0,
    ]);
    expect(store.model().sheets[0].charts[0]).toMatchObject({
      chartId: 1,
      type: 'COLUMN',
      anchorRow: 2,
      options: { title: 'Actions by status' },
    });
  });

  it('updates a chart through modify() and removes it', () => {
    const { sheet, charts } = setupSheet();
    sheet.insertChart(
      sheet.newChart().setChartType(charts.ChartType.PIE).addRange(sheet.getRange('A1:B3')).build(),
    );
    const updated = sheet.getCharts()[0].modify().setOption('title', 'New').setPosition(1, 1, 0, 0).build();
    sheet.updateChart(updated);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('New');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });

  it('refuses a chart with no type and the typed builders it does not model', () => {
    const { sheet } = setupSheet();
    expect(() => sheet.newChart().build()).toThrow(NotImplementedError);
    expect(() => sheet.newChart().asColumnChart()).toThrow(
      'not implemented in the local runtime: EmbeddedChartBuilder.asColumnChart',
    );
  });
});
