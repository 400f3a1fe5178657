/**
 * `cluster-review kit`: the folder a province hands out — protected, stamped template; the rulebook as JSON and
 * workbook with the same fingerprint; the add-in with rulebooks/index.json naming the province's rulebook as
 * default; the manifest for the base URL (valid against Microsoft's schema); the README for IT. The add-in here is
 * a stand-in folder (--addin): the real build and the pane loading the kit run in test/browser/kit.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, loadRulebook } from '../../src/core/index.js';
import { candidates, deploymentIndex, deployedEntry, parseDeploymentIndex, verifyDeployed } from '../../src/core/rulebook/deployment.js';
import { productionManifest } from '../../src/xlsx/manifest.js';
import { KIT_README } from '../../src/core/text/kit-readme.js';
import { readMeta } from '../../src/xlsx/meta.js';
import { readRulebookWorkbook } from '../../src/xlsx/rulebook-sheet.js';
import { cli, load, rb as national, tempDir } from '../support/files.js';

const XSD = resolve('test', 'fixtures', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const YUNNAN_FILE = 'rulebooks/yunnan-2023.json';
const yunnanJson = JSON.parse(readFileSync(YUNNAN_FILE, 'utf8')) as Record<string, unknown>;
const yunnan = loadRulebook(yunnanJson, YUNNAN_FILE);
const BASE = 'https://review.yn.example.gov.cn/cluster-review';

/** A stand-in for vite build's output: the two pages the kit checks for, and a manifest and rulebooks it must replace. */
function fakeAddin(dir: string): string {
  const addin = join(dir, 'built');
  for (const page of ['taskpane/taskpane.html', 'commands/commands.html', 'office-js/office.js', 'rulebooks/stale.json', 'wps/index.html', 'wps/taskpane/taskpane.html', 'wps/rulebooks/stale.json']) {
    mkdirSync(join(addin, page, '..'), { recursive: true });
    writeFileSync(join(addin, page), 'stand-in');
  }
  writeFileSync(join(addin, 'manifest.xml'), '<stale/>');
  // The build's WPS list entry, with the placeholder vite leaves when no address is given.
  writeFileSync(join(addin, 'wps', 'publish.xml'), readFileSync('src/wps/publish.xml', 'utf8'));
  return addin;
}

describe('kit', () => {
  const dir = tempDir();
  const out = join(dir, '云南分发包');
  let run: { code: number; out: string; err: string };

  beforeAll(async () => {
    run = await cli(['kit', '--rulebook', YUNNAN_FILE, '--year', '2025', '--base-url', `${BASE}/`, '--addin', fakeAddin(dir), '-o', out]);
  });

  it('writes the folder and says what it wrote, in Chinese', () => {
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('已写入分发包');
    expect(run.err).toContain('cn-yn-2023');
    for (const f of ['README.md', 'manifest.xml', '指标表模板-cn-yn-2023-2025.xlsx', 'rulebook/cn-yn-2023.json', 'rulebook/cn-yn-2023.xlsx', 'addin/taskpane/taskpane.html', 'addin/rulebooks/index.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    // The build's own manifest and rulebooks are replaced, not kept beside the kit's.
    expect(existsSync(join(out, 'addin/rulebooks/stale.json'))).toBe(false);
    expect(readFileSync(join(out, 'addin/manifest.xml'), 'utf8')).toBe(readFileSync(join(out, 'manifest.xml'), 'utf8'));
  });

  it('the template opens, is protected without a password and stamped with the province’s rulebook', async () => {
    const wb = await load(join(out, '指标表模板-cn-yn-2023-2025.xlsx'));
    const ws = wb.getWorksheet(INDICATOR_SHEET)!;
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.algorithmName).toBeUndefined();
    expect(readMeta(wb)!.template).toMatchObject({ applicationYear: 2025, rulebook: { id: 'cn-yn-2023', edition: '2023', fingerprint: yunnan.fingerprint } });
  });

  it('the rulebook as JSON and as a workbook both have the Yunnan fingerprint', async () => {
    expect(loadRulebook(JSON.parse(readFileSync(join(out, 'rulebook/cn-yn-2023.json'), 'utf8'))).fingerprint).toBe(yunnan.fingerprint);
    const read = await readRulebookWorkbook(join(out, 'rulebook/cn-yn-2023.xlsx'), 'zh-CN');
    expect(read.problems).toEqual([]);
    expect(loadRulebook(read.rulebook).fingerprint).toBe(yunnan.fingerprint);
  });

  it('the add-in lists Yunnan as default and the national edition, each file matching its fingerprint', () => {
    const parsed = parseDeploymentIndex(JSON.parse(readFileSync(join(out, 'addin/rulebooks/index.json'), 'utf8')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.index.default).toBe('cn-yn-2023');
    expect(parsed.index.rulebooks.map((r) => [r.id, r.file, r.fingerprint])).toEqual([
      ['cn-yn-2023', 'cn-yn-2023.json', yunnan.fingerprint],
      ['cn-miit-2022', 'cn-miit-2022.json', national.fingerprint],
    ]);
    for (const entry of parsed.index.rulebooks) {
      const v = verifyDeployed(entry, JSON.parse(readFileSync(join(out, 'addin/rulebooks', entry.file), 'utf8')));
      expect(v.ok, entry.id).toBe(true);
    }
  });

  it('the WPS 加载项: its list entry names the kit’s address, and it offers the same rulebooks beside its pages', () => {
    const publish = readFileSync(join(out, 'addin/wps/publish.xml'), 'utf8');
    expect(publish).not.toContain('__WPS_BASE_URL__');
    expect(publish).toMatch(new RegExp(`<jspluginonline [^>]*url="${BASE.replace(/[.]/g, '\\.')}/wps/"`));
    // The WPS pane looks one up from taskpane/: wps/rulebooks/, the same files as the Office pane's, no stale ones.
    expect(readFileSync(join(out, 'addin/wps/rulebooks/index.json'), 'utf8')).toBe(readFileSync(join(out, 'addin/rulebooks/index.json'), 'utf8'));
    expect(readFileSync(join(out, 'addin/wps/rulebooks/cn-yn-2023.json'), 'utf8')).toBe(readFileSync(join(out, 'addin/rulebooks/cn-yn-2023.json'), 'utf8'));
    expect(existsSync(join(out, 'addin/wps/rulebooks/stale.json'))).toBe(false);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain(`${BASE}/wps/`);
    expect(readme).not.toContain('WPS 和 Excel 2016（MSI 版）不支持');
  });

  it('the manifest points at the base URL and is valid against the Office schema', () => {
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`${BASE}/taskpane/taskpane.html`);
    expect(xml).toContain('<AppDomain>https://review.yn.example.gov.cn</AppDomain>');
    expect(xml).toBe(productionManifest(readFileSync('manifest.xml', 'utf8'), BASE));
    if (hasXmllint) {
      const r = spawnSync('xmllint', ['--noout', '--schema', XSD, join(out, 'manifest.xml')], { encoding: 'utf8' });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it('the README is Chinese first, then English, and names the address, the rulebook and the update steps', () => {
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    const [zh, en] = readme.split('\n---\n');
    expect(zh).toContain('在内网服务器上发布');
    expect(zh).toContain('集中部署');
    expect(zh).toContain('共享文件夹目录');
    expect(zh).toContain('更新规则');
    expect(zh).toContain('office.js');
    expect(zh).toContain('云南省中小企业特色产业集群认定标准（2023年暂行版）');
    expect(en).toContain('Centralized deployment');
    expect(en).toContain('Shared-folder catalog');
    expect(en).toContain('Yunnan Recognition Criteria');
    for (const part of [zh!, en!]) {
      expect(part).toContain(BASE);
      expect(part).toContain(yunnan.fingerprint);
      expect(part).toContain(`cluster-review kit --rulebook`);
    }
  });

  it('the README text has the same placeholders in both languages, each filled', () => {
    const names = (x: string) => [...x.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
    expect(names(KIT_README['en-US'])).toEqual(names(KIT_README['zh-CN']));
    expect(names(KIT_README['zh-CN']).length).toBeGreaterThan(5);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).not.toMatch(/\{[A-Za-z0-9_]+\}/);
  });

  it('refuses, exit 2 in words: a folder that is not empty, an http address, a folder that is not a built add-in', async () => {
    const again = await cli(['kit', '--rulebook', YUNNAN_FILE, '--base-url', BASE, '--addin', join(dir, 'built'), '-o', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('分发包文件夹已存在且不为空');
    const http = await cli(['kit', '--base-url', 'http://review.example.gov.cn', '--addin', join(dir, 'built'), '-o', join(dir, 'k2')]);
    expect(http.code).toBe(2);
    expect(http.err).toContain('--base-url 应为 https 地址');
    const query = await cli(['kit', '--base-url', 'https://review.example.gov.cn/?a=<b>', '--addin', join(dir, 'built'), '-o', join(dir, 'k3')]);
    expect(query.code).toBe(2);
    const notBuilt = await cli(['kit', '--base-url', BASE, '--addin', dir, '-o', join(dir, 'k4')]);
    expect(notBuilt.code).toBe(2);
    expect(notBuilt.err).toContain('不是已构建的加载项');
    // Nothing half-written is left behind.
    for (const k of ['k2', 'k3', 'k4']) expect(existsSync(join(dir, k))).toBe(false);
  });

  it('an empty folder given as -o is filled; --no-national offers the province’s rulebook alone', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = await cli(['kit', '--rulebook', YUNNAN_FILE, '--base-url', BASE, '--addin', join(dir, 'built'), '--no-national', '--lang', 'en', '-o', empty]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('wrote the kit');
    const parsed = parseDeploymentIndex(JSON.parse(readFileSync(join(empty, 'addin/rulebooks/index.json'), 'utf8')));
    expect(parsed.ok && parsed.index.rulebooks.map((x) => x.id)).toEqual(['cn-yn-2023']);
    expect(existsSync(join(empty, 'indicator-template-cn-yn-2023-2025.xlsx'))).toBe(true);
  });
});

/** A stand-in for `npm run build -- --office-js cdn`: no office.js copy, the pages pointing at Microsoft's CDN. */
function cdnAddin(dir: string): string {
  const addin = fakeAddin(dir);
  rmSync(join(addin, 'office-js'), { recursive: true });
  writeFileSync(join(addin, 'taskpane', 'taskpane.html'), '<link rel="preload" as="script" href="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" data-office-js="cdn">');
  return addin;
}

describe('kit --office-js cdn|bundled (issue #18): the choice, and what the README says it means', () => {
  const dir = tempDir();
  const CDN = 'appsforoffice.microsoft.com';

  it('bundled (the default): the README says the copy is bundled and what degrades on it, and names no CDN address', async () => {
    const out = join(dir, 'bundled');
    const r = await cli(['kit', '--rulebook', YUNNAN_FILE, '--base-url', BASE, '--addin', fakeAddin(join(dir, 'b')), '--office-js', 'bundled', '-o', out]);
    expect(r.code, r.err).toBe(0);
    const [zh, en] = readFileSync(join(out, 'README.md'), 'utf8').split('\n---\n');
    expect(zh).toContain('随附的 office.js');
    expect(zh).toContain('批注会话');
    expect(zh).toContain('--office-js cdn');
    expect(en).toContain('bundled office.js');
    expect(en).toContain('comment threads');
    expect(`${zh}${en}`).not.toContain(CDN);
    expect(r.err).toContain('随附');
  });

  it('cdn: the README says office.js comes from Microsoft’s CDN, always current, and that the machines must reach it', async () => {
    const out = join(dir, 'cdn');
    const r = await cli(['kit', '--rulebook', YUNNAN_FILE, '--base-url', BASE, '--addin', cdnAddin(join(dir, 'c')), '--office-js', 'cdn', '-o', out]);
    expect(r.code, r.err).toBe(0);
    const [zh, en] = readFileSync(join(out, 'README.md'), 'utf8').split('\n---\n');
    expect(zh).toContain(CDN);
    expect(zh).toContain('微软');
    expect(en).toContain(CDN);
    expect(en).toContain('always current');
    expect(zh).not.toContain('随附的 office.js');
    expect(existsSync(join(out, 'addin', 'office-js'))).toBe(false);
    expect(r.err).toContain('CDN');
  });

  it('refuses, in words: a choice that is neither, and an add-in built the other way', async () => {
    const other = await cli(['kit', '--base-url', BASE, '--addin', fakeAddin(join(dir, 'o')), '--office-js', 'local', '-o', join(dir, 'k-other')]);
    expect(other.code).toBe(2);
    expect(other.err).toContain('--office-js 应为 bundled 或 cdn，收到“local”');
    const mismatch = await cli(['kit', '--base-url', BASE, '--addin', fakeAddin(join(dir, 'm')), '--office-js', 'cdn', '-o', join(dir, 'k-mismatch')]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain('构建时 office.js 为 bundled，与 --office-js cdn 不符');
    expect(existsSync(join(dir, 'k-mismatch'))).toBe(false);
  });
});

describe('deployment index (core)', () => {
  const entry = deployedEntry(yunnan, 'cn-yn-2023.json');
  const index = deploymentIndex([entry, deployedEntry(national, 'cn-miit-2022.json')], 'cn-yn-2023');

  it('a rulebook whose content does not match its fingerprint is refused, naming both fingerprints', () => {
    const tampered = structuredClone(yunnanJson) as { checks: Array<{ id: string; title: { zh: string } }> };
    tampered.checks[0]!.title.zh += '（改）';
    const v = verifyDeployed(entry, tampered);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.refusal.code).toBe('fingerprint');
    expect(v.refusal.params.expected).toBe(yunnan.fingerprint.slice(0, 12));
    expect(v.refusal.params.found).not.toBe(v.refusal.params.expected);
  });

  it('another rulebook under a listed fingerprint, or an invalid one, is refused too', () => {
    const swapped = { ...entry, fingerprint: national.fingerprint };
    const id = verifyDeployed(swapped, JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8')));
    expect(!id.ok && id.refusal.code).toBe('identity');
    const invalid = verifyDeployed(entry, { ...yunnanJson, checks: 'none' });
    expect(!invalid.ok && invalid.refusal.code).toBe('invalid');
  });

  it('the index: a default it does not list, a path for a file name, repeated ids are not valid', () => {
    expect(parseDeploymentIndex(index).ok).toBe(true);
    expect(parseDeploymentIndex({ ...index, default: 'cn-xx-2030' }).ok).toBe(false);
    expect(parseDeploymentIndex({ ...index, rulebooks: [{ ...entry, file: '../secret.json' }] }).ok).toBe(false);
    expect(parseDeploymentIndex({ ...index, rulebooks: [{ ...entry, file: 'https://elsewhere.example/x.json' }] }).ok).toBe(false);
    expect(parseDeploymentIndex({ ...index, rulebooks: [entry, entry] }).ok).toBe(false);
    const bad = parseDeploymentIndex({ ...index, format: 'other' });
    expect(!bad.ok && bad.refusal.code).toBe('index-invalid');
  });

  it('tries the rulebook chosen on this machine, then the default, never another', () => {
    expect(candidates(index, 'cn-miit-2022').map((e) => e.id)).toEqual(['cn-miit-2022', 'cn-yn-2023']);
    expect(candidates(index, null).map((e) => e.id)).toEqual(['cn-yn-2023']);
    expect(candidates(index, 'gone').map((e) => e.id)).toEqual(['cn-yn-2023']);
  });
});
