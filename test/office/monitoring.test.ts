/** The monitoring form through the Office.js adapter (strict fake Excel): the same reviews as the .xlsx adapter's. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MonitoringReport } from '../../src/core/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { examineMonitoringWorkbook } from '../../src/office/monitoring.js';
import { checkWorkbook, OfficeError, writeSummary, type Session } from '../../src/office/workbook.js';
import { errorNotice } from '../../src/taskpane/useReview.js';
import { reviewMonitoringFile } from '../../src/xlsx/monitoring.js';
import type { FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, rb } from '../support/files.js';

const session = (fake: FakeWorkbook): Session => ({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });

describe('contract: both adapters review a monitoring form alike', () => {
  const expected: Record<string, string> = {
    '01-normal': '正常',
    '02-late-target-missed': '建议撤销认定（第十七条第三项）',
    '03-veto-event': '建议撤销认定（第十七条第五项）',
  };
  for (const [name, verdict] of Object.entries(expected))
    it(`${name}: ${verdict}, same findings`, async () => {
      const path = join('examples', 'monitoring', `${name}.xlsx`);
      const x = await reviewMonitoringFile(path, rb);
      const o = await examineMonitoringWorkbook(session(fakeFromExcelJS(await load(path))));
      const strip = (r: MonitoringReport) => ({ ...r, file: undefined });
      expect(o).not.toBeNull();
      expect(o!.report.verdictText['zh-CN']).toBe(verdict);
      expect('report' in x && strip(x.report)).toEqual(strip(o!.report));
    });

  it('a monitoring form is checked as one; writing an application summary on it is refused in words, with its monitoring verdict', async () => {
    const fake = fakeFromExcelJS(await load(join('examples', 'monitoring', '03-veto-event.xlsx')));
    const checked = await checkWorkbook(session(fake));
    expect(checked.report.verdictText['zh-CN']).toBe('建议撤销认定（第十七条第五项）');
    const err = await writeSummary(session(fake)).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeError);
    expect((err as OfficeError).code).toBe('monitoring-form');
    expect(errorNotice(err, 'zh-CN').text).toBe('本工作簿是年度培育情况信息表（2024年度），不是申报表；监测结论：建议撤销认定（第十七条第五项）。汇总各集群请用命令行 cluster-review monitor。');
    expect(errorNotice(err, 'en-US').text).toContain('annual monitoring form (2024)');
  });

  it('an application is not a monitoring form', async () => {
    const fake = fakeFromExcelJS(await load(join('examples', '01-passing.xlsx')));
    expect(await examineMonitoringWorkbook(session(fake))).toBeNull();
  });
});
