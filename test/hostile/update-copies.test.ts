/**
 * Hostile (issue 20, item 1): `tally --update-copies` never writes over a person's work. A copy changed while the
 * tally ran, open in Excel or WPS, read-only, or a link is left as it is, and the tally says why.
 */
import { chmodSync, mkdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import type * as RoundModule from '../../src/xlsx/round.js';
import { cli, load, scoresSumming, sha, tempDir, writeExample } from '../support/files.js';

/** While the tally runs (after it read the copies, before it updates them), someone types into one copy. */
const meanwhile = vi.hoisted(() => ({ edit: null as null | (() => Promise<void>) }));
vi.mock('../../src/xlsx/round.js', async (importOriginal) => {
  const real = await importOriginal<typeof RoundModule>();
  return {
    ...real,
    writeTally: async (...args: Parameters<typeof real.writeTally>) => {
      await real.writeTally(...args);
      await meanwhile.edit?.();
    },
  };
});

/** One application, its reviewed copy in copies/, a filled score sheet: ready for `tally --update-copies`. */
async function round(): Promise<{ d: string; copies: string; sheets: string; copy: string }> {
  const d = tempDir();
  await writeExample(d, '01-passing', {}, 'a.xlsx');
  const sheets = join(d, 'sheets');
  const s = await cli(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲', '-o', sheets]);
  expect(s.code, s.err).toBe(0);
  const copies = join(d, 'copies');
  mkdirSync(copies);
  expect((await cli(['check', join(d, 'a.xlsx'), '--experts', '甲', '-o', join(copies, 'a.reviewed.xlsx')])).code).toBe(0);
  await fillScoresheet(join(sheets, '专家评分表-甲.xlsx'), { a: { scores: scoresSumming(80) } }, { signature: '甲' });
  return { d, copies, sheets, copy: join(copies, 'a.reviewed.xlsx') };
}

describe('tally --update-copies leaves a person’s copy alone', () => {
  it('a copy changed while the tally ran (a 评审结论 typed meanwhile) is not overwritten, and said', async () => {
    const { d, copies, sheets, copy } = await round();
    let typed = '';
    meanwhile.edit = async () => {
      const wb = await load(copy);
      wb.getWorksheet('指标表')!.getCell('H2').value = '评审结论：同意推荐';
      await wb.xlsx.writeFile(copy);
      typed = sha(copy);
    };
    try {
      const r = await cli(['tally', copies, sheets, '-o', join(d, 'list.xlsx'), '--update-copies']);
      expect(r.code, r.err).not.toBe(2);
      expect(sha(copy)).toBe(typed);
      expect(r.out + r.err).toMatch(/a\.reviewed\.xlsx.*在汇总期间被修改/);
    } finally {
      meanwhile.edit = null;
    }
  }, 120_000);

  it('a copy open in Excel or WPS (~$ lock file) is skipped and said to be open', async () => {
    const { d, copies, sheets, copy } = await round();
    writeFileSync(join(copies, '~$a.reviewed.xlsx'), 'owner');
    const before = sha(copy);
    const r = await cli(['tally', join(copies, 'a.reviewed.xlsx'), sheets, '-o', join(d, 'list.xlsx'), '--update-copies']);
    expect(r.code, r.err).not.toBe(2);
    expect(sha(copy)).toBe(before);
    expect(r.out).toMatch(/a\.reviewed\.xlsx.*正在被打开/);
  }, 120_000);

  it('a read-only copy (mode 444) stays read-only and unchanged, and is said', async () => {
    const { d, copies, sheets, copy } = await round();
    chmodSync(copy, 0o444);
    const before = sha(copy);
    const r = await cli(['tally', copies, sheets, '-o', join(d, 'list.xlsx'), '--update-copies']);
    expect(r.code, r.err).not.toBe(2);
    expect(sha(copy)).toBe(before);
    expect(statSync(copy).mode & 0o777).toBe(0o444);
    expect(r.out).toMatch(/a\.reviewed\.xlsx.*只读/);
  }, 120_000);

  it('a copy that is a link is never replaced by a file', async () => {
    const { d, copies, sheets, copy } = await round();
    const elsewhere = join(d, 'kept');
    mkdirSync(elsewhere);
    const target = join(elsewhere, 'a.reviewed.xlsx');
    renameSync(copy, target);
    symlinkSync(target, copy);
    const before = sha(target);
    const r = await cli(['tally', copies, sheets, '-o', join(d, 'list.xlsx'), '--update-copies']);
    expect(r.code, r.err).not.toBe(2);
    expect(statSync(copy, { throwIfNoEntry: true }).isFile()).toBe(true);
    const { lstatSync } = await import('node:fs');
    expect(lstatSync(copy).isSymbolicLink()).toBe(true);
    expect(sha(target)).toBe(before);
    expect(r.out).toMatch(/a\.reviewed\.xlsx.*链接/);
  }, 120_000);
});
