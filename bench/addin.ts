/**
 * Add-in figures: gzipped size of the task pane's initial JavaScript (goal ≤ 250 KB), syncs for a full review
 * (check + summary) of a template-sized sheet and one ten times larger (goal: the same small number), and the
 * time to first render in headless Chromium.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nationalRulebook } from '../src/core/index.js';
import { FULL_CAPABILITIES } from '../src/office/capabilities.js';
import { enterScore, readScoring } from '../src/office/scoring.js';
import { checkWorkbook, writeSummary } from '../src/office/workbook.js';
import { addProvinceRows } from './generate.js';
import { gzippedSize, initialScripts, lazyScripts } from './pane-size.js';
import { buildPane, CHROMIUM, fakeHostScript, launch, openPane, serve } from '../test/browser/harness.js';
import { fakeFromExcelJS } from '../test/support/fake-from-xlsx.js';
import { load } from '../test/support/files.js';

/** Files and bytes under a folder (the self-hosted office.js tree). */
function treeSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

async function syncsFor(scale: number): Promise<{ check: number; summary: number; maxBytes: number }> {
  const rb = nationalRulebook();
  const fake = fakeFromExcelJS(await load('examples/02-failing.xlsx'));
  const sheet = fake.sheet('指标表');
  addProvinceRows(sheet.cells, scale);
  const s = { ctx: fake.context(), rb, lang: 'zh-CN' as const, caps: FULL_CAPABILITIES };
  await checkWorkbook(s);
  const check = fake.syncs.length;
  await writeSummary(s);
  return { check, summary: fake.syncs.length - check, maxBytes: Math.max(...fake.syncs.map((x) => x.bytes)) };
}

/**
 * A check and a summary of a workbook with a 3,000 × 30 attachment sheet named before the indicator sheet, which is
 * not named 指标表 (so every candidate sheet must be looked at: issue #11).
 */
export async function syncsWithAttachment(): Promise<{ check: number; summary: number; maxRequest: number; maxResponse: number }> {
  const rb = nationalRulebook();
  const fake = fakeFromExcelJS(await load('examples/02-failing.xlsx'));
  const cells: Record<string, { value: string }> = {};
  for (let r = 0; r < 3000; r++) for (let c = 0; c < 30; c++) cells[`${r},${c}`] = { value: `附件${r}-${c}：企业名录、主要产品、年产值与说明文字` };
  fake.sheet('指标表').name = '申报数据';
  fake.state.sheets.unshift({ name: '附件', visibility: 'Visible', cells, protection: null, merges: [] });
  const s = { ctx: fake.context(), rb, lang: 'zh-CN' as const, caps: FULL_CAPABILITIES };
  await checkWorkbook(s);
  const check = fake.syncs.length;
  await writeSummary(s);
  return {
    check,
    summary: fake.syncs.length - check,
    maxRequest: Math.max(...fake.syncs.map((x) => x.bytes)),
    maxResponse: Math.max(...fake.syncs.map((x) => x.response ?? 0)),
  };
}

/** One score entered in the pane (issue #11): syncs to read the cell and 评分记录, then to write both. */
export async function syncsForScore(): Promise<{ first: number; next: number; read: number; maxRequest: number }> {
  const rb = nationalRulebook();
  const fake = fakeFromExcelJS(await load('examples/01-passing.xlsx'));
  await writeSummary({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: ['张三', '李四', '王五'] });
  const caps = { events: true, threads: true, resolved: true, notes: true };
  const ctx = fake.context();
  let at = fake.syncs.length;
  const view = await readScoring(ctx, rb, caps);
  if (typeof view === 'string') throw new Error(view);
  const read = fake.syncs.length - at;
  at = fake.syncs.length;
  // The first entry also starts 评分记录; later ones append to it.
  await enterScore(ctx, view, rb, 'zh-CN', caps, { expert: '张三', item: { kind: 'score', criterion: rb.data.criteria[0]!.id }, value: 18, lastSeen: null, time: '2025-06-01 10:00' });
  const first = fake.syncs.length - at;
  const again = await readScoring(ctx, rb, caps);
  if (typeof again === 'string') throw new Error(again);
  at = fake.syncs.length;
  await enterScore(ctx, again, rb, 'zh-CN', caps, { expert: '张三', item: { kind: 'score', criterion: rb.data.criteria[1]!.id }, value: 12, lastSeen: null, time: '2025-06-01 10:01' });
  const next = fake.syncs.length - at;
  return { first, next, read, maxRequest: Math.max(...fake.syncs.slice(-next).map((x) => x.bytes)) };
}

export async function benchAddin(): Promise<void> {
  const dist = await buildPane();
  const scripts = initialScripts(dist);
  const gz = gzippedSize(scripts);
  const raw = scripts.reduce((a, f) => a + readFileSync(f).length, 0);
  console.log('add-in');
  console.log(`  initial JavaScript    ${(gz / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(0)} KB raw, ${scripts.length} files; goal ≤ 250 KB)`);
  const lazy = lazyScripts(dist, scripts).map((l) => `${l.name} ${(gzippedSize(l.files) / 1024).toFixed(1)}`);
  console.log(`  after the first paint ${lazy.join(', ')} KB gzipped (each with what it adds to the initial files; pane = WPS's adapter, loaded in WPS only)`);
  const office = treeSize(join(dist, 'office-js'));
  const officeJs = readFileSync(join(dist, 'office-js', 'office.js'));
  console.log(
    `  office.js self-hosted ${(office.bytes / 1024 / 1024).toFixed(1)} MB in ${office.files} files on the server (dist/office-js); office.js itself ${(gzipSync(officeJs, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`,
  );
  const small = await syncsFor(1);
  const large = await syncsFor(10);
  console.log(`  syncs, template sheet check ${small.check} + summary ${small.summary}   (largest request ${(small.maxBytes / 1024).toFixed(0)} KB)`);
  console.log(`  syncs, 10× larger     check ${large.check} + summary ${large.summary}   (largest request ${(large.maxBytes / 1024).toFixed(0)} KB; goal: the same number)`);
  const att = await syncsWithAttachment();
  console.log(
    `  syncs, + 3,000 × 30 sheet, indicator sheet renamed  check ${att.check} + summary ${att.summary}   (largest request ${(att.maxRequest / 1024).toFixed(0)} KB, response ${(att.maxResponse / 1024).toFixed(0)} K characters; goal: a handful, under 5 MB)`,
  );
  const score = await syncsForScore();
  console.log(
    `  syncs, one score entry ${score.next} (1 read + 1 write; the first entry, which starts 评分记录, ${score.first}; largest request ${(score.maxRequest / 1024).toFixed(1)} KB); reading the committee for the pane ${score.read}`,
  );
  if (!CHROMIUM) {
    console.log('  first render          not measured: Debian chromium is not installed (apt-get install chromium)');
    return;
  }
  const { server, url } = await serve(dist);
  const browser = await launch();
  try {
    const host = await fakeHostScript();
    const state = fakeFromExcelJS(await load('examples/02-failing.xlsx')).state;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page } = await openPane(browser, url, host, { state, displayLanguage: 'zh-CN', excelApi: '1.18' });
      const t0 = Date.now();
      await page.goto(`${url}/taskpane/taskpane.html`);
      await page.getByTestId('check').waitFor();
      times.push(Date.now() - t0);
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`  first render          ${times[2]} ms median of 5 (navigation to the check button, headless Chromium, served from 127.0.0.1)`);
  } finally {
    await browser.close();
    server.close();
  }
}
