/**
 * Row heights for wrapped text (the core's planRowHeights, applied through `fitRows` when a model's print is planned)
 * on the summary 评审汇总 in Excel and WPS: both renderers write the model's planned heights, the same rows with the
 * same heights, so a wrapped finding prints whole. A guard (issue 18): this held before it was written.
 */
import { describe, expect, it } from 'vitest';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { writeSummary } from '../../src/office/workbook.js';
import { writeSummary as wpsSummary } from '../../src/wps/workbook.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { fakeWpsFromExcelJS } from '../wps/from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();

describe('the summary’s rows sized for their wrapped text in Excel and WPS', () => {
  it('both write the heights the core planned: the same rows, the same heights, taller than a plain row where text wraps', async () => {
    const path = await writeExample(dir, '02-failing', {}, 'heights.xlsx');
    const excel = fakeFromExcelJS(await load(path));
    const wps = fakeWpsFromExcelJS(await load(path));
    const a = await writeSummary({ ctx: excel.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: ['张三'] });
    const b = wpsSummary({ app: wps.application, rb, lang: 'zh-CN' }, { experts: ['张三'] });
    const inExcel = excel.state.sheets.find((s) => s.name === a.sheet)!.heights ?? {};
    const inWps = wps.state.sheets.find((s) => s.name === b.sheet)!.heights ?? {};
    expect(Object.values(inExcel).some((h) => h > 15)).toBe(true);
    expect(inWps).toEqual(inExcel);
  });
});
