/**
 * The legend of flag colours on the indicator sheet (issue 10, item 7), in Excel (the Office.js adapter on the strict
 * fake), in WPS (the strict fake WPS) and from the command line (.xlsx): placed below the form when cells are
 * flagged, absent when none is, taken back by 清除标记 and by a re-check without duplicating it, exactly what the
 * tool wrote and nothing a person typed or coloured; skipped, and said, where it cannot go.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FLAG_FILL, INDICATOR_SHEET, META_SHEET, parseMeta, parseQualified, type LegendCell, type WorkflowWarning } from '../../src/core/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { checkWorkbook as officeCheck, clearFlags as officeClear } from '../../src/office/workbook.js';
import { fromBgr, toBgr } from '../../src/wps/colour.js';
import { checkWorkbook as wpsCheck, clearFlags as wpsClear } from '../../src/wps/workbook.js';
import { readRecord } from '../../src/xlsx/meta.js';
import { reviewFile, saveWorkbook, writeReviewedCopy } from '../../src/xlsx/workbook.js';
import { fakeFromExcelJS, metaRows } from '../support/fake-from-xlsx.js';
import { argbOf, load, rb, tempDir, writeExample } from '../support/files.js';
import { fakeWpsFromExcelJS, wpsMeta } from './from-xlsx.js';

const dir = tempDir();
const TITLE = '标记颜色说明';
const NOTE = '标记单元格的批注写明原因';
const WORD = { fail: '不达标', veto: '一票否决', invalid: '无效', missing: '缺失', warn: '提示' } as Record<string, string> & { fail: string };
const STATUS_OF_FILL = new Map(Object.entries(FLAG_FILL).map(([status, fill]) => [fill, status]));
/** An applicant's own colour in the cell where the first swatch goes (02-failing: the form ends on row 100, its seal blocks). */
const APPLICANT_FILL = '#CCE5FF';
const FIRST_SWATCH = `${INDICATOR_SHEET}!A103`;

/** One host, as these tests drive it. */
interface Host {
  check(): Promise<{ flagged: number; warnings: WorkflowWarning[] }>;
  clear(): Promise<void>;
  /** A cell's value (null: empty) and fill ("#RRGGBB", null: none). */
  cell(address: string): { value: unknown; fill: string | null };
  /** A person types text into a cell. */
  type(address: string, text: string): void;
  legend(): LegendCell[] | undefined;
  flagFills(): string[];
  /** Every cell of the indicator sheet holding this text. */
  find(text: string): string[];
}

async function workbook(name: string): Promise<ExcelJS.Workbook> {
  return load(await writeExample(dir, name, {}, `legend-${name}-${Math.random().toString(36).slice(2)}.xlsx`));
}

const key = (address: string) => {
  const p = parseQualified(address);
  return { sheet: p.sheet, k: `${p.row},${p.col}` };
};

async function officeHost(name: string, withFill = false): Promise<Host> {
  const fake = fakeFromExcelJS(await workbook(name));
  if (withFill) fake.sheet(INDICATOR_SHEET).cells[key(FIRST_SWATCH).k] = { value: null, fill: APPLICANT_FILL };
  const s = () => ({ ctx: fake.context(), rb, lang: 'zh-CN' as const, caps: FULL_CAPABILITIES });
  const meta = () => parseMeta(metaRows(fake.sheet(META_SHEET).cells));
  return {
    check: async () => officeCheck(s()),
    clear: async () => void (await officeClear(s())),
    cell: (a) => ({ value: fake.at(a)?.value ?? null, fill: fake.at(a)?.fill ?? null }),
    type: (a, text) => {
      const { sheet, k } = key(a);
      fake.sheet(sheet).cells[k] = { ...fake.sheet(sheet).cells[k], value: text };
    },
    legend: () => meta()?.review?.legend,
    flagFills: () => (meta()?.review?.flags ?? []).map((f) => fake.at(f.cell)!.fill!),
    find: (text) =>
      Object.entries(fake.sheet(INDICATOR_SHEET).cells)
        .filter(([, c]) => c.value === text)
        .map(([k]) => k),
  };
}

async function wpsHost(name: string, withFill = false): Promise<Host> {
  const fake = fakeWpsFromExcelJS(await workbook(name));
  if (withFill) fake.sheet(INDICATOR_SHEET).cells[key(FIRST_SWATCH).k] = { value: null, color: toBgr(APPLICANT_FILL) };
  const s = () => ({ app: fake.application, rb, lang: 'zh-CN' as const });
  return {
    check: async () => wpsCheck(s()),
    clear: async () => void wpsClear(s()),
    cell: (a) => {
      const c = fake.at(a);
      return { value: c?.value ?? null, fill: c?.color === undefined ? null : fromBgr(c.color) };
    },
    type: (a, text) => {
      const { sheet, k } = key(a);
      fake.sheet(sheet).cells[k] = { ...fake.sheet(sheet).cells[k], value: text };
    },
    legend: () => wpsMeta(fake)?.review?.legend,
    flagFills: () => (wpsMeta(fake)?.review?.flags ?? []).map((f) => fromBgr(fake.at(f.cell)!.color)!),
    find: (text) =>
      Object.entries(fake.sheet(INDICATOR_SHEET).cells)
        .filter(([, c]) => c.value === text)
        .map(([k]) => k),
  };
}

/** The legend shows what it records: the title, one swatch per flag colour used with its status beside it, the note. */
function expectLegend(host: Host): LegendCell[] {
  const legend = host.legend()!;
  expect(legend.length).toBeGreaterThan(0);
  const title = parseQualified(legend[0]!.cell);
  expect(title.sheet).toBe(INDICATOR_SHEET);
  expect(host.cell(legend[0]!.cell).value).toBe(TITLE);
  expect(host.cell(legend[legend.length - 1]!.cell).value).toBe(NOTE);
  const swatches = legend.filter((c) => c.fill);
  // Exactly the colours the flags use, most severe first, each with its status in words in the next column.
  expect(new Set(swatches.map((c) => c.fill!.placed))).toEqual(new Set(host.flagFills()));
  for (const sw of swatches) {
    expect(host.cell(sw.cell).fill).toBe(sw.fill!.placed);
    const p = parseQualified(sw.cell);
    const word = legend.find((c) => parseQualified(c.cell).row === p.row && parseQualified(c.cell).col === p.col + 1)!;
    expect(host.cell(word.cell).value).toBe(WORD[STATUS_OF_FILL.get(sw.fill!.placed)!]);
  }
  for (const c of legend) if (c.value !== null) expect(host.cell(c.cell).value).toBe(c.value);
  return legend;
}

function expectGone(host: Host, legend: LegendCell[], keep: Record<string, unknown> = {}): void {
  expect(host.legend()).toBeUndefined();
  for (const c of legend) {
    if (c.cell in keep) expect(host.cell(c.cell).value).toBe(keep[c.cell]);
    else expect(host.cell(c.cell).value, c.cell).toBeNull();
    if (c.fill) expect(host.cell(c.cell).fill, c.cell).toBe(c.fill.covered);
  }
}

for (const [hostName, make] of [
  ['Excel (Office.js)', officeHost],
  ['WPS', wpsHost],
] as const) {
  describe(`the legend of flag colours in ${hostName}`, () => {
    it('is placed below the form after a check that flags cells, in the words of the statuses', async () => {
      const host = await make('02-failing');
      const r = await host.check();
      expect(r.flagged).toBeGreaterThan(0);
      const legend = expectLegend(host);
      // Below the last row of the form (row 100 of 02-failing: its seal blocks), one row left blank.
      expect(legend[0]!.cell).toBe(`${INDICATOR_SHEET}!A102`);
      expect(host.find(TITLE)).toHaveLength(1);
      expect(r.warnings.map((w) => w.code)).not.toContain('legend-skipped');
    });

    it('is absent when nothing is flagged', async () => {
      const host = await make('01-passing');
      const r = await host.check();
      expect(r.flagged).toBe(0);
      expect(host.legend()).toBeUndefined();
      expect(host.find(TITLE)).toEqual([]);
    });

    it('a re-check does not duplicate it; 清除标记 removes it and gives back the colour a swatch covered', async () => {
      const host = await make('02-failing', true);
      await host.check();
      const legend = expectLegend(host);
      const first = legend.find((c) => c.cell === FIRST_SWATCH)!;
      expect(first.fill).toEqual({ placed: expect.any(String), covered: APPLICANT_FILL });
      await host.check();
      expect(host.legend()).toEqual(legend);
      expect(host.find(TITLE)).toHaveLength(1);
      expect(host.find(NOTE)).toHaveLength(1);
      await host.clear();
      expectGone(host, legend);
      expect(host.cell(FIRST_SWATCH).fill).toBe(APPLICANT_FILL);
      expect(host.find(TITLE)).toEqual([]);
    });

    it('keeps what a person typed over it, through a re-check and a clear, and says so', async () => {
      const host = await make('02-failing');
      await host.check();
      const legend = expectLegend(host);
      const word = legend.find((c) => c.value === WORD.fail)!;
      host.type(word.cell, '已核对，属实');
      const r = await host.check();
      expect(r.warnings.find((w) => w.code === 'legend-edited')?.params.cells).toEqual([word.cell]);
      expect(host.cell(word.cell).value).toBe('已核对，属实');
      // The legend is placed again below the person's text; nothing of the earlier one is left behind.
      const again = expectLegend(host);
      expect(parseQualified(again[0]!.cell).row).toBe(parseQualified(word.cell).row + 2);
      expect(host.find(TITLE)).toHaveLength(1);
      expect(host.find(WORD.fail)).toHaveLength(1);
      for (const c of legend) if (c.cell !== word.cell && !again.some((a) => a.cell === c.cell)) expect(host.cell(c.cell).value).toBeNull();
      await host.clear();
      expectGone(host, again);
      expect(host.cell(word.cell).value).toBe('已核对，属实');
    });
  });
}

describe('the legend of flag colours from the command line (.xlsx)', () => {
  it('a reviewed copy checked again keeps one legend, the same cells', async () => {
    const input = await writeExample(dir, '04-incomplete', {}, 'legend-cli.xlsx');
    const once = join(dir, 'legend-cli.reviewed.xlsx');
    await writeReviewedCopy(await reviewFile(input, rb), { rb, lang: 'zh-CN', output: once, force: true });
    const twice = join(dir, 'legend-cli.reviewed-2.xlsx');
    await writeReviewedCopy(await reviewFile(once, rb), { rb, lang: 'zh-CN', output: twice, force: true });
    const [a, b] = [readRecord(await load(once)).meta!.review!.legend!, readRecord(await load(twice)).meta!.review!.legend!];
    expect(b).toEqual(a);
    const ws = (await load(twice)).getWorksheet(INDICATOR_SHEET)!;
    let titles = 0;
    ws.eachRow((row) => row.eachCell((c) => void (c.value === TITLE && titles++)));
    expect(titles).toBe(1);
    for (const c of b.filter((x) => x.fill)) expect(`#${argbOf(ws.getCell(parseQualified(c.cell).row + 1, 1))!.slice(2)}`).toBe(c.fill!.placed);
  });

  it('where the sheet has no free rows below its last cell, the legend is skipped and said', async () => {
    const path = await writeExample(dir, '02-failing', {}, 'legend-full.xlsx');
    const wb = await load(path);
    wb.getWorksheet(INDICATOR_SHEET)!.getCell(1_048_575, 1).value = '页脚';
    await saveWorkbook(wb, path, { force: true });
    const out = join(dir, 'legend-full.reviewed.xlsx');
    const r = await writeReviewedCopy(await reviewFile(path, rb), { rb, lang: 'zh-CN', output: out, force: true });
    expect(r.flagged).toBeGreaterThan(0);
    expect(r.warnings.find((w) => w.code === 'legend-skipped')?.params).toEqual(expect.objectContaining({ sheet: INDICATOR_SHEET }));
    expect(readRecord(await load(out)).meta!.review!.legend).toBeUndefined();
  });
});
