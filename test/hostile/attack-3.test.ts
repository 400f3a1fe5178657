/**
 * Hostile, third campaign (issue 20's promises, new cases): data loss, wrong causes and silent substitutions found
 * by using the commands as a province and an expert would — a shell glob's order, two counties' clusters of one
 * name, an applicant's long cluster name, an impossible date or an unknown chair on the documents to sign, and a
 * recusal list saved by Excel on a Chinese Windows (GBK, quoted fields).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, reviewedExample, runCli, sha } from './support.js';

describe('check: a reviewed copy and its original in one run', () => {
  it('in the order a shell glob gives them (X.reviewed.xlsx before X.xlsx) both are checked, neither said to share a name', async () => {
    const root = tempDir();
    const [apps, out] = [join(root, 'apps'), join(root, 'out')];
    mkdirSync(apps);
    mkdirSync(out);
    const original = await writeExample(apps, '01-passing', {}, 'x.xlsx');
    const copy = await writeExample(apps, '01-passing', {}, 'x.reviewed.xlsx');
    // `check apps/*.xlsx -o out/` passes them sorted: "x.reviewed.xlsx" < "x.xlsx".
    const r = await runCli(['check', copy, original, '-o', out]);
    expectNoCrash(r);
    expect(r.stderr).not.toMatch(/同名/);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['x.reviewed-2.xlsx', 'x.reviewed.xlsx']);
  }, 120_000);
});

describe('--force never replaces a reviewed copy holding experts’ scores (README: “--force or not”)', () => {
  async function scoredCopy(): Promise<{ dir: string; copy: string; other: string; before: string }> {
    const { dir, copy, wb, ws, layout } = await reviewedExample('甲,乙');
    for (const row of Object.values(layout.criteriaRows)) ws.getCell(row + 1, layout.experts[0]!.col + 1).value = 1;
    await wb.xlsx.writeFile(copy);
    const other = await writeExample(dir, '01-passing', { B1: '乙县精密轴承产业集群' }, 'b.xlsx');
    return { dir, copy, other, before: sha(copy) };
  }

  it('check b.xlsx -o a.reviewed.xlsx --force: refused, the scores kept', async () => {
    const { copy, other, before } = await scoredCopy();
    const r = await runCli(['check', other, '-o', copy, '--force']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/专家/);
    expect(sha(copy)).toBe(before);
  }, 120_000);

  it('batch apps/ -o a.reviewed.xlsx --force: refused, the scores kept', async () => {
    const { dir, copy, before } = await scoredCopy();
    const apps = join(dir, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '01-passing', {}, 'x.xlsx');
    const r = await runCli(['batch', apps, '-o', copy, '--force']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/专家/);
    expect(sha(copy)).toBe(before);
  }, 120_000);
});

describe('-o naming a folder that does not exist (a trailing slash)', () => {
  it('check a.xlsx -o newdir/ and batch -o newdir/ name newdir/ as the missing folder, never “文件夹 . 不存在”', async () => {
    const dir = tempDir();
    await writeExample(dir, '01-passing', {}, 'a.xlsx');
    for (const args of [['check', 'a.xlsx', '-o', 'newdir/'], ['batch', 'a.xlsx', '-o', 'newdir/']]) {
      const r = await runCli(args, { cwd: dir });
      expectNoCrash(r);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/文件夹 \. 不存在/);
      expect(r.stderr).toMatch(/文件夹 newdir\/ 不存在/);
    }
  }, 120_000);
});

describe('template --enterprises over the limit of list rows', () => {
  it('--enterprises 5000 (a cluster that large exists) says the lists have 2,000 rows and that more may be added, never cut silently', async () => {
    const dir = tempDir();
    const r = await runCli(['template', '--year', '2025', '--enterprises', '5000', '-o', join(dir, 't.xlsx')]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/5000/);
    expect(r.stderr).toMatch(/2000/);
  }, 120_000);
});

describe('check: one file given twice', () => {
  it('check a.xlsx ./a.xlsx is checked once and said to be given twice, never “同名…请改名”', async () => {
    const dir = tempDir();
    await writeExample(dir, '01-passing', {}, 'a.xlsx');
    const r = await runCli(['check', 'a.xlsx', './/a.xlsx'], { cwd: dir });
    expectNoCrash(r);
    expect(r.stderr).not.toMatch(/同名/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/a\.xlsx.*两次/);
    expect(readdirSync(dir).sort()).toEqual(['a.reviewed.xlsx', 'a.xlsx']);
  }, 120_000);
});

describe('tally --papers: one 补正材料通知 per application', () => {
  it('two counties’ incomplete applications with one cluster name get a letter each (the second never replaces the first)', async () => {
    const root = tempDir();
    const apps = join(root, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '04-incomplete', { B1: '示例区智能传感器产业集群', B3: '甲区' }, 'a.xlsx');
    await writeExample(apps, '04-incomplete', { B1: '示例区智能传感器产业集群', B3: '乙区' }, 'b.xlsx');
    const papers = join(root, 'papers');
    const r = await runCli(['tally', apps, '--experts', '甲,乙,丙', '-o', join(root, 'list.xlsx'), '--papers', papers]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(1);
    const letters = readdirSync(papers).filter((f) => f.endsWith('.docx'));
    expect(letters).toHaveLength(2);
    // Each letter named once on the terminal.
    const said = r.stdout.split('\n').filter((l) => l.includes('.docx'));
    expect(new Set(said).size).toBe(2);
  }, 120_000);

  it('an applicant’s cluster name of 100 characters: the letter is written under a name the file system takes, the round goes on', async () => {
    const root = tempDir();
    const apps = join(root, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '04-incomplete', { B1: '长'.repeat(100) }, 'c.xlsx');
    const papers = join(root, 'papers');
    const r = await runCli(['tally', apps, '--experts', '甲,乙,丙', '-o', join(root, 'list.xlsx'), '--papers', papers]);
    expectNoCrash(r);
    expect(r.stderr).not.toMatch(/文件名过长/);
    expect(r.code, r.stderr).toBe(1);
    const letters = readdirSync(papers).filter((f) => f.endsWith('.docx'));
    expect(letters).toHaveLength(1);
    expect(Buffer.byteLength(letters[0]!)).toBeLessThanOrEqual(255);
    expect(existsSync(join(root, 'list.xlsx'))).toBe(true);
  }, 120_000);
});

describe('tally --papers: what is printed on the documents to sign is what was asked', () => {
  async function round(): Promise<{ root: string; apps: string }> {
    const root = tempDir();
    const apps = join(root, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '01-passing', {}, 'a.xlsx');
    return { root, apps };
  }

  it('--date 2025-02-30 (no such day) is a usage error naming it, nothing written', async () => {
    const { root, apps } = await round();
    const r = await runCli(['tally', apps, '--experts', '甲,乙,丙', '-o', join(root, 'list.xlsx'), '--papers', join(root, 'p'), '--date', '2025-02-30']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date.*2025-02-30/);
    expect(existsSync(join(root, 'list.xlsx'))).toBe(false);
    expect(existsSync(join(root, 'p'))).toBe(false);
  }, 120_000);

  it('--chair naming no expert of the committee is refused, not replaced by the first expert without a word', async () => {
    const { root, apps } = await round();
    const r = await runCli(['tally', apps, '--experts', '王专家,李专家,赵专家', '-o', join(root, 'list.xlsx'), '--papers', join(root, 'p'), '--chair', '张三']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/张三/);
    expect(r.stderr).toMatch(/王专家、李专家、赵专家/);
    expect(existsSync(join(root, 'list.xlsx'))).toBe(false);
  }, 120_000);
});

describe('scoresheets: adding experts to a round whose sheets are still blank', () => {
  it('writes the new experts’ sheets without --force, leaves the issued blank ones as they are and says so', async () => {
    const root = tempDir();
    const apps = join(root, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '01-passing', {}, 'a.xlsx');
    const out = join(root, 's');
    const first = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '-o', out]);
    expect(first.code, first.stderr).toBe(0);
    const issued = readFileSync(join(out, '专家评分表-甲.xlsx'));
    // The same run with two more experts: was refused as 输出文件已存在 (use --force), although a filled sheet
    // is left alone and the run goes on.
    const r = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙,丁,戊', '-o', out]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, '专家评分表-丁.xlsx'))).toBe(true);
    expect(existsSync(join(out, '专家评分表-戊.xlsx'))).toBe(true);
    expect(readFileSync(join(out, '专家评分表-甲.xlsx')).equals(issued)).toBe(true);
    expect(r.stdout).toMatch(/专家评分表-甲\.xlsx.*未替换/);
    const saved = JSON.parse(readFileSync(join(out, 'round.json'), 'utf8')) as { experts: string[] };
    expect(saved.experts).toEqual(['甲', '乙', '丙', '丁', '戊']);
  }, 120_000);
});

describe('tally --papers into the applications’ own folder', () => {
  it('is refused before anything is written (its workbooks were read as applications by the next tally: “没有标准指标表”, exit 2)', async () => {
    const root = tempDir();
    const apps = join(root, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '01-passing', {}, 'a.xlsx');
    const r = await runCli(['tally', apps, '--experts', '甲,乙,丙', '-o', join(root, 'list.xlsx'), '--papers', apps]);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--papers/);
    expect(readdirSync(apps)).toEqual(['a.xlsx']);
    expect(existsSync(join(root, 'list.xlsx'))).toBe(false);
  }, 120_000);
});

describe('scoresheets --conflicts: a recusal list as Excel saves it', () => {
  async function apps(): Promise<{ root: string; apps: string }> {
    const root = tempDir();
    const dir = join(root, 'apps');
    mkdirSync(dir);
    await writeExample(dir, '01-passing', {}, 'a.xlsx');
    await writeExample(dir, '01-passing', { B1: '乙县精密轴承产业集群' }, 'b.xlsx');
    return { root, apps: dir };
  }

  it('saved as “CSV (逗号分隔)” on a Chinese Windows (GBK): read, the recusal applied, never “格式不对”', async () => {
    const { root, apps: dir } = await apps();
    const csv = join(root, 'conflicts.csv');
    writeFileSync(csv, new Uint8Array(Buffer.from(new TextEncoderGbk().encode('专家,申报,理由\r\n丙,a,曾在该集群任职\r\n'))));
    const r = await runCli(['scoresheets', dir, '--experts', '甲,乙,丙', '--conflicts', csv, '-o', join(root, 's')]);
    expectNoCrash(r);
    expect(r.stderr).not.toMatch(/格式不对/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/丙：.*回避1份/);
    const saved = JSON.parse(readFileSync(join(root, 's', 'round.json'), 'utf8')) as { conflicts: Array<{ reason: string }> };
    expect(saved.conflicts.map((c) => c.reason)).toEqual(['曾在该集群任职']);
  }, 120_000);

  it('a reason Excel quoted because it holds a comma is read without the quotes', async () => {
    const { root, apps: dir } = await apps();
    const csv = join(root, 'conflicts.csv');
    writeFileSync(csv, '\uFEFF专家,申报,理由\r\n丙,a,"曾在该集群任职,三年"\r\n"乙","b","说""回避"""\r\n');
    const r = await runCli(['scoresheets', dir, '--experts', '甲,乙,丙', '--conflicts', csv, '-o', join(root, 's')]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(join(root, 's', 'round.json'), 'utf8')) as { conflicts: Array<{ expert: string; reason: string }> };
    expect(saved.conflicts.map((c) => [c.expert, c.reason])).toEqual([
      ['丙', '曾在该集群任职,三年'],
      ['乙', '说"回避"'],
    ]);
  }, 120_000);
});

/** GBK bytes for a text of CJK and ASCII (Node decodes GB18030 but has no encoder): from a table built by decoding. */
class TextEncoderGbk {
  private static table: Map<string, number> | null = null;
  encode(text: string): number[] {
    if (!TextEncoderGbk.table) {
      const table = new Map<string, number>();
      const dec = new TextDecoder('gbk');
      for (let hi = 0x81; hi <= 0xfe; hi++)
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue;
          const ch = dec.decode(new Uint8Array([hi, lo]));
          if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, (hi << 8) | lo);
        }
      TextEncoderGbk.table = table;
    }
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const g = TextEncoderGbk.table.get(ch);
        if (g === undefined) throw new Error(`no GBK code for ${ch}`);
        out.push(g >> 8, g & 0xff);
      }
    }
    return out;
  }
}
