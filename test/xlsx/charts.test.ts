/**
 * Issue 22: the workbooks the tool writes carry live charts, and a real spreadsheet application takes them as such.
 * The demo (`npm run demo`) runs in a folder of its own; LibreOffice then opens its committee list, a summary of the
 * round (scored by the tally), the monitoring register and the batch roll-up, and
 * - imports every chart with its kind, title, axis titles and series bound to the ranges the tool wrote (the
 *   workbook converted to .xlsx by LibreOffice and its own chart parts read back);
 * - renders it (PDF → pages): the chart's title and axis titles on a page of its sheet, drawn in colour (pages
 *   drawn to test-artifacts/charts/ to look at);
 * and a chart whose cells change shows the new values once LibreOffice has recomputed the sheet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/text/index.js';
import { OoxmlPackage } from '../../src/xlsx/charts/package.js';
import { chartsIn, libreofficeCharts, renderPages, type ChartInfo } from '../support/charts.js';
import { cli, tempDir, writeExample } from '../support/files.js';
import { SOFFICE } from '../support/libreoffice.js';

const poppler = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo', '/usr/bin/pdftoppm'].every((p) => existsSync(p));
const artifacts = join('test-artifacts', 'charts');
const zh = (key: Parameters<typeof t>[0], params?: Parameters<typeof t>[2]) => t(key, 'zh-CN', params);

/** Each chart the tool wrote is one LibreOffice imported: the same sheet, kinds, titles and ranges. */
function expectImportedAsWritten(file: string, dir: string): { ours: ChartInfo[]; theirs: ChartInfo[] } {
  const ours = chartsIn(file);
  const theirs = libreofficeCharts(file, dir);
  expect(theirs.length, file).toBe(ours.length);
  for (const c of ours) {
    const lo = theirs.find((x) => x.sheet === c.sheet && x.titles[0] === c.titles[0]);
    expect(lo, `${file}: ${c.titles[0]} imported on ${c.sheet}`).toBeDefined();
    expect([...lo!.kinds].sort(), c.titles[0]).toEqual([...c.kinds].sort());
    expect(lo!.titles, c.titles[0]).toEqual(c.titles);
    expect(lo!.refs, c.titles[0]).toEqual(c.refs);
  }
  return { ours, theirs };
}

/** The chart's words on a page of its sheet (the footer names the sheet), drawn in colour. */
function expectRendered(file: string, dir: string, charts: ChartInfo[]): void {
  const pages = renderPages(file, dir, charts.map((c) => c.titles[0]!), artifacts);
  for (const c of charts) {
    // The page with every title of the chart (a table's heading may repeat the chart's own title).
    const page = pages.find((p) => c.titles.every((words) => p.text.replace(/\s+/g, '').includes(words.replace(/\s+/g, ''))));
    expect(page, `${file}: ${c.titles[0]} rendered`).toBeDefined();
    for (const words of c.titles) expect(page!.text.replace(/\s+/g, ''), c.titles[0]).toContain(words.replace(/\s+/g, ''));
    // The footer's left part is the sheet's name.
    expect(page!.text.trimEnd().split('\n').at(-1), c.titles[0]).toContain(c.sheet);
    expect(page!.coloured, `${c.titles[0]}: coloured share of page ${page!.number}`).toBeGreaterThan(0.004);
  }
}

/** The workbook with every cached formula result of a sheet dropped (LibreOffice must compute them), and cells set. */
function edited(file: string, out: string, sheet: string, cells: Record<string, number>, recompute: string[]): void {
  const pkg = OoxmlPackage.read(readFileSync(file));
  const parts = new Map(pkg.sheets().map((s) => [s.name, s.part]));
  let xml = pkg.text(parts.get(sheet)!);
  for (const [ref, value] of Object.entries(cells)) {
    const re = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    expect(re.test(xml), `${sheet}!${ref}`).toBe(true);
    xml = xml.replace(re, (_m, attrs: string) => `<c r="${ref}"${attrs.replace(/\s+t="\w+"/, '')}><v>${value}</v></c>`);
  }
  pkg.put(parts.get(sheet)!, xml);
  for (const name of recompute) pkg.put(parts.get(name)!, pkg.text(parts.get(name)!).replace(/(<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)<v>[^<]*<\/v>/g, '$1'));
  writeFileSync(out, pkg.toBuffer());
}

describe.skipIf(!SOFFICE || !poppler)('live charts in the demo, imported and rendered by LibreOffice (needs LibreOffice and poppler-utils)', () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = tempDir();
    symlinkSync(resolve('examples'), join(dir, 'examples'));
    execFileSync(process.execPath, [resolve('lib', 'demo.js')], { cwd: dir, stdio: 'ignore', timeout: 240_000 });
    out = join(dir, 'out');
  }, 300_000);

  it("the committee list: scores as columns coloured by recommendation, the cut line and the quota line", () => {
    const file = join(out, 'round', '推荐汇总.xlsx');
    const { ours } = expectImportedAsWritten(file, dir);
    expect(ours).toHaveLength(1);
    const [list] = ours;
    expect(list!.sheet).toBe(zh('committee.rollup.sheet'));
    expect(list!.titles).toEqual([zh('chart.committee.title'), zh('chart.committee.x'), zh('chart.committee.y')]);
    expect([...list!.kinds].sort()).toEqual(['bar:col:stacked', 'line']);
    // The clusters' names in list order, the line row a gap among them (from row 4: every application of the round
    // and the line).
    const round = JSON.parse(readFileSync(resolve('examples', 'round', 'round.json'), 'utf8')) as { applications: unknown[] };
    expect(list!.refs).toContain(`推荐汇总!C4:C${4 + round.applications.length}`);
    expect(list!.xml).toContain(zh('chart.committee.cut', { cut: 60 }));
    expect(list!.xml).toContain(zh('chart.committee.quota', { n: 3, quota: 3 }));
    expectRendered(file, dir, ours);
  }, 300_000);

  it("a summary of the round: each expert's criterion scores against the weight, and each expert's total", () => {
    const file = join(out, 'round', 'applications', 'r04-纺织.reviewed.xlsx');
    const { ours } = expectImportedAsWritten(file, dir);
    expect(ours.map((c) => c.titles[0])).toEqual([zh('chart.summary.criteria.title'), zh('chart.summary.totals.title')]);
    for (const c of ours) expect(c.sheet).toBe(zh('summary.sheet'));
    expect([...ours[0]!.kinds].sort()).toEqual(['bar:col:clustered', 'line']);
    // Weight, then the five experts' scores (the tally wrote them into the copy): eight criteria each.
    expect(ours[0]!.values).toHaveLength(6);
    for (const v of ours[0]!.values.slice(1)) expect(v.filter((x) => x !== null)).toHaveLength(8);
    expect(ours[1]!.values[0]!.every((x) => typeof x === 'number' && x > 60)).toBe(true);
    expectRendered(file, dir, ours);
  }, 300_000);

  it('the monitoring register: each cluster’s key indicators by year against its plan targets', () => {
    const file = join(out, '监测汇总.xlsx');
    const { ours } = expectImportedAsWritten(file, dir);
    // One chart per cluster of examples/monitoring: six, with the examples for grounds 1, 2 and 4 (issue 19 item 5).
    expect(ours.length).toBe(6);
    for (const c of ours) {
      expect(c.sheet).toBe(zh('chart.monitor.sheet'));
      expect([...c.kinds].sort()).toEqual(['bar:col:clustered', 'line']);
      expect(c.titles.slice(1)).toEqual([zh('chart.monitor.x'), zh('chart.monitor.y')]);
    }
    // The cluster reporting two years has two points on each line; the plan target is 100 %.
    const two = ours.find((c) => c.values[0]!.length === 2)!;
    expect(two.values.at(-1)).toEqual([1, 1]);
    expectRendered(file, dir, ours);
  }, 300_000);

  it('the batch roll-up: verdicts by count and the indicators nearest their thresholds', () => {
    const file = join(out, '推荐汇总.xlsx');
    const { ours } = expectImportedAsWritten(file, dir);
    expect(ours.map((c) => c.titles[0])).toEqual([zh('chart.rollup.verdicts.title'), zh('chart.rollup.near.title')]);
    expect(ours.map((c) => c.kinds)).toEqual([['bar:col:clustered'], ['bar:bar:clustered']]);
    // Five examples: the counts of the six verdicts add up to them.
    expect(ours[0]!.values[0]!.reduce((a, v) => a! + (v ?? 0), 0)).toBe(5);
    expectRendered(file, dir, ours);
  }, 300_000);

  it('a chart redraws with the new values once LibreOffice recomputes: an expert total in 专家总分 moves its column', () => {
    const file = join(out, 'round', '推荐汇总.xlsx');
    const before = chartsIn(file)[0]!;
    // The first application's column (recommended, first series) reads 87.33: its five totals 88, 86, 90, 86, 88
    // without the highest and the lowest (the national rulebook's trimmed mean).
    expect(before.values[0]![0]).toBeCloseTo(262 / 3, 4);
    const changed = join(dir, 'list-changed.xlsx');
    edited(file, changed, zh('committee.figures.sheet'), { B2: 10, C2: 20, D2: 30, E2: 40, F2: 50 }, [zh('committee.rollup.sheet')]);
    const after = libreofficeCharts(changed, dir)[0]!;
    // 10 and 50 dropped: the mean of 20, 30 and 40.
    expect(after.values[0]![0]).toBe(30);
    // The summary's points are the expert cells themselves: a typed score moves its point.
    const summary = join(out, 'round', 'applications', 'r04-纺织.reviewed.xlsx');
    const chart = chartsIn(summary)[0]!;
    const row = Number(/评审汇总'?!\$?[A-Z]+\$?(\d+)/.exec(chart.refs.find((r) => r.startsWith('评审汇总!F'))!)![1]);
    const changedSummary = join(dir, 'summary-changed.xlsx');
    edited(summary, changedSummary, zh('summary.sheet'), { [`F${row}`]: 3 }, []);
    expect(libreofficeCharts(changedSummary, dir)[0]!.values[1]![0]).toBe(3);
  }, 300_000);
});

describe.skipIf(!SOFFICE || !poppler)('the renewal record: its cluster’s key indicators against the plan (needs LibreOffice)', () => {
  it('renewal writes the record with its chart beside the summary’s, both imported and rendered', async () => {
    const dir = tempDir();
    const forms = join(dir, 'forms');
    mkdirSync(forms);
    for (const name of ['01-normal-2023', '01-normal']) writeFileSync(join(forms, `${name}.xlsx`), readFileSync(join('examples', 'monitoring', `${name}.xlsx`)));
    const app = await writeExample(dir, '01-passing', { B1: '某县汽车制动系统中小企业特色产业集群', B2: '浙江省', B3: '甲县', B6: 2023 });
    const copy = join(dir, 'renewal.xlsx');
    const run = await cli(['renewal', app, forms, '--year', '2026', '-o', copy, '--experts', '甲,乙']);
    expect(run.code, run.err).not.toBe(2);
    const { ours } = expectImportedAsWritten(copy, dir);
    expect(ours.map((c) => c.sheet).sort()).toEqual([zh('monitoring.renewal.sheet'), zh('summary.sheet'), zh('summary.sheet')].sort());
    const record = ours.find((c) => c.sheet === zh('monitoring.renewal.sheet'))!;
    expect([...record.kinds].sort()).toEqual(['bar:col:clustered', 'line']);
    expectRendered(copy, dir, [record]);
  }, 300_000);
});
