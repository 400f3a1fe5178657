/**
 * Hostile (issue 20, item 1): an application's identity is its data, never its file stem alone. An application
 * and its reviewed copy are one application (said); two counties' files of one name are two (the clash said).
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { scoresSumming, tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, runCli } from './support.js';

async function appsAndCopies(): Promise<{ root: string; apps: string; reviewed: string }> {
  const root = tempDir();
  const apps = join(root, 'apps');
  const reviewed = join(root, 'reviewed');
  mkdirSync(apps);
  mkdirSync(reviewed);
  await writeExample(apps, '01-passing', {}, 'a.xlsx');
  await writeExample(apps, '01-passing', { B1: '乙县精密轴承产业集群' }, 'b.xlsx');
  const r = await runCli(['check', join(apps, 'a.xlsx'), join(apps, 'b.xlsx'), '-o', reviewed]);
  expect(r.code, r.stderr).toBe(0);
  return { root, apps, reviewed };
}

describe('an application and its reviewed copy are one application', () => {
  it('batch apps/ reviewed/ counts 2, not 4, and says which files are one application', async () => {
    const { root, apps, reviewed } = await appsAndCopies();
    const r = await runCli(['batch', apps, reviewed, '-o', join(root, 'list.xlsx')]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/共 2 份/);
    expect(r.stdout + r.stderr).toMatch(/a\.reviewed\.xlsx.*a\.xlsx.*同一份申报/);
  }, 120_000);

  it('tally with a copy under another name still counts the application once', async () => {
    const { root, apps, reviewed } = await appsAndCopies();
    renameSync(join(reviewed, 'a.reviewed.xlsx'), join(reviewed, 'a-复核.xlsx'));
    const r = await runCli(['tally', apps, reviewed, '--experts', '甲', '-o', join(root, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.code, r.stderr).not.toBe(2);
    const json = JSON.parse(r.stdout) as { applications: Array<{ id: string }> };
    expect(json.applications.map((a) => a.id).sort()).toEqual(['a', 'b']);
    expect(r.stderr).toMatch(/a-复核\.xlsx.*同一份申报/);
  }, 120_000);
});

describe('two files of one name are two applications', () => {
  async function counties(): Promise<{ root: string; a: string; b: string }> {
    const root = tempDir();
    const [a, b] = [join(root, '县A'), join(root, '县B')];
    mkdirSync(a);
    mkdirSync(b);
    await writeExample(a, '01-passing', {}, '申报表.xlsx');
    await writeExample(b, '01-passing', { B1: '乙县精密轴承产业集群' }, '申报表.xlsx');
    return { root, a, b };
  }

  it('scoresheets keeps both, with ids that differ, and says the names clash', async () => {
    const { root, a, b } = await counties();
    const out = join(root, 'sheets');
    const r = await runCli(['scoresheets', a, b, '--experts', '甲', '-o', out]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2份申报');
    expect(r.stdout + r.stderr).toMatch(/同名/);
    const ids = (JSON.parse(readFileSync(join(out, 'round.json'), 'utf8')) as { applications: Array<{ id: string }> }).applications.map((x) => x.id);
    expect(new Set(ids).size).toBe(2);
  }, 120_000);

  it('tally keeps two rows, each scored by its own row of the score sheet', async () => {
    const { root, a, b } = await counties();
    const out = join(root, 'sheets');
    expect((await runCli(['scoresheets', a, b, '--experts', '甲', '-o', out])).code).toBe(0);
    const ids = (JSON.parse(readFileSync(join(out, 'round.json'), 'utf8')) as { applications: Array<{ id: string; file: string }> }).applications;
    await fillScoresheet(join(out, '专家评分表-甲.xlsx'), { [ids[0]!.id]: { scores: scoresSumming(90) }, [ids[1]!.id]: { scores: scoresSumming(70) } });
    // The tally is given the folders in the other order: identity by data, not by argument order.
    copyFileSync(join(out, 'round.json'), join(out, 'round.json.bak'));
    const r = await runCli(['tally', b, a, out, '-o', join(root, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { applications: Array<{ id: string; cluster: string; committee: { score: number } }> };
    expect(json.applications).toHaveLength(2);
    const byCluster = Object.fromEntries(json.applications.map((x) => [x.cluster, x.committee.score]));
    expect(byCluster['乙县精密轴承产业集群']).toBe(70);
  }, 120_000);
});
