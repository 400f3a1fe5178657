/**
 * Hostile (issue 20, item 4): one terminal writer. A cluster name, an expert name, a rulebook name or a file name
 * holding a newline, an ESC sequence (`\x1b[31m`), U+061C (a bidi control) and U+200B (zero-width) is printed
 * escaped by every command — check, batch, monitor, monitor-template, renewal, rulebook, kit, template,
 * scoresheets, tally — and by the error output: never a forged line, never a control the terminal acts on.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filledMonitoringForm, type MonitoringExample } from '../../scripts/fill-monitoring.js';
import { nationalRulebook } from '../../src/core/index.js';
import { saveWorkbook } from '../../src/xlsx/workbook.js';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, ooxmlEscape, patchXml, runCli, type Run } from './support.js';

/** The hostile piece: a newline that would start a forged line, a colour, a bidi mark and a zero-width space. */
const ATTACK = '甲\n伪造的一行\x1b[31m红\u061c\u200b';
/** How the writer shows it. */
const SHOWN = '甲\\x0a伪造的一行\\x1b[31m红\\u061c\\u200b';
// Anything a terminal would act on or hide (our own newlines and tabs aside).
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

function expectEscaped(r: Run, what: string): void {
  expectNoCrash(r);
  const both = r.stdout + r.stderr;
  expect(both, `${what}: a raw control`).not.toMatch(RAW);
  expect(both.split('\n').some((l) => l.startsWith('伪造的一行')), `${what}: a forged line`).toBe(false);
  expect(both, `${what}: the name, escaped`).toContain(SHOWN);
}

/** A province's rulebook whose name (zh and en) carries the attack. */
function hostileRulebook(dir: string): string {
  const rb = JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')) as { name: { zh: string; en: string } };
  rb.name = { zh: `云南${ATTACK}`, en: `Yunnan${ATTACK}` };
  const file = join(dir, 'rb.json');
  writeFileSync(file, JSON.stringify(rb));
  return file;
}

/** A monitoring form for 2024 whose cluster name carries the attack (patched in: ExcelJS drops controls). */
async function hostileForm(dir: string): Promise<string> {
  const data = JSON.parse(readFileSync('examples/monitoring/01-normal.json', 'utf8')) as MonitoringExample;
  const file = join(dir, 'form.xlsx');
  await saveWorkbook(await filledMonitoringForm(nationalRulebook(), { ...data, values: { ...data.values, B1: 'NAME-HERE' } }), file);
  await patchXml(file, { 'NAME-HERE': ooxmlEscape(ATTACK) });
  return file;
}

describe('every command prints text from files through the one terminal writer', () => {
  it('check: the file name; batch: the output name; error output: a file not found', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, `a${ATTACK}.xlsx`);
    expectEscaped(await runCli(['check', input, '--experts', '张三']), 'check');
    expectEscaped(await runCli(['batch', input, '-o', join(dir, `汇总${ATTACK}.xlsx`)]), 'batch');
    expectEscaped(await runCli(['check', join(dir, `missing${ATTACK}.xlsx`)]), 'error output');
  }, 120_000);

  it('monitor: the cluster name; monitor-template and renewal: the output name', async () => {
    const dir = tempDir();
    const form = await hostileForm(dir);
    expectEscaped(await runCli(['monitor', form, '-o', join(dir, 'reg.xlsx'), '--year', '2025']), 'monitor');
    expectEscaped(await runCli(['monitor-template', '--year', '2024', '-o', join(dir, `表${ATTACK}.xlsx`)]), 'monitor-template');
    const app = await writeExample(dir, '01-passing', {}, 'app.xlsx');
    expectEscaped(await runCli(['renewal', app, form, '-o', join(dir, `复核${ATTACK}.xlsx`)]), 'renewal');
  }, 120_000);

  it('rulebook validate, show and diff: the rulebook’s name; template and export: the output name', async () => {
    const dir = tempDir();
    const rb = hostileRulebook(dir);
    expectEscaped(await runCli(['rulebook', 'validate', rb]), 'rulebook validate');
    expectEscaped(await runCli(['rulebook', 'show', '--rulebook', rb]), 'rulebook show');
    expectEscaped(await runCli(['rulebook', 'diff', 'rulebooks/yunnan-2023.json', rb]), 'rulebook diff');
    expectEscaped(await runCli(['template', '--year', '2025', '--rulebook', rb, '-o', join(dir, `模板${ATTACK}.xlsx`)]), 'template');
    expectEscaped(await runCli(['rulebook', 'export', '--rulebook', rb, '-o', join(dir, `规则表${ATTACK}.xlsx`)]), 'rulebook export');
  }, 120_000);

  it('kit: the output folder', async () => {
    const dir = tempDir();
    const addin = join(dir, 'built');
    for (const page of ['taskpane/taskpane.html', 'commands/commands.html', 'office-js/office.js']) {
      mkdirSync(join(addin, page, '..'), { recursive: true });
      writeFileSync(join(addin, page), 'stand-in');
    }
    expectEscaped(await runCli(['kit', '--year', '2025', '--base-url', 'https://review.example.gov.cn/cr/', '--addin', addin, '-o', join(dir, `分发包${ATTACK}`)]), 'kit');
  }, 120_000);

  it('scoresheets and tally: an expert’s name', async () => {
    const dir = tempDir();
    const apps = join(dir, 'apps');
    mkdirSync(apps);
    const input = await writeExample(apps, '01-passing', {}, 'a.xlsx');
    copyFileSync(input, join(dir, 'spare.xlsx'));
    // The expert's name is also the score sheet's file name: the newline and ESC cannot reach the terminal either way.
    expectEscaped(await runCli(['scoresheets', apps, '--experts', `王${ATTACK}`, '-o', join(dir, 'sheets')]), 'scoresheets');
    expectEscaped(await runCli(['tally', apps, '--experts', `王${ATTACK}`, '-o', join(dir, `名单${ATTACK}.xlsx`)]), 'tally');
  }, 120_000);
});
