/** manifest.xml: valid against Microsoft's published schema (offline, xmllint), complete, and rewritten for production. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionManifest } from '../scripts/build-manifest.js';
import { tempDir } from './support/files.js';

// Microsoft's schemas live in the repository (origin in their README), so a clone alone can run this check.
const XSD = resolve('test', 'fixtures', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const xml = readFileSync('manifest.xml', 'utf8');

function validate(file: string): { ok: boolean; out: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe('manifest.xml', () => {
  it('has its schemas inside the repository', () => {
    expect(existsSync(XSD), `missing ${XSD}: the offline schema check needs test/fixtures/office-manifest-xsd/`).toBe(true);
  });

  // .ci/run installs libxml2-utils; without xmllint this one check is skipped with this reason.
  it.skipIf(!hasXmllint)('is valid against the Office add-in manifest schema (offline, xmllint); a broken one is not', () => {
    const ok = validate('manifest.xml');
    expect(ok.ok, ok.out).toBe(true);
    const bad = join(tempDir(), 'bad.xml');
    // Elements out of the schema's order must fail: the check can fail.
    writeFileSync(bad, xml.replace('<ProviderName>cluster-review</ProviderName>', '').replace('<DefaultLocale>zh-CN</DefaultLocale>', '<DefaultLocale>zh-CN</DefaultLocale><ProviderName>cluster-review</ProviderName>'));
    expect(validate(bad).ok).toBe(false);
  });

  it('is a Workbook task pane with ReadWriteDocument, zh-CN default and en-US overrides, ExcelApi 1.7', () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toContain('xsi:type="ShowTaskpane"');
    expect(xml).toContain('<FunctionName>runCheck</FunctionName>');
    // Every resid is defined, and every visible string has an English override.
    const defined = new Set([...xml.matchAll(/ id="([^"]+)" DefaultValue=/g)].map((m) => m[1]));
    for (const [, id] of xml.matchAll(/resid="([^"]+)"/g)) expect(defined.has(id), id).toBe(true);
    const strings = [...xml.matchAll(/<bt:String id="[^"]+" DefaultValue="[^"]+">\s*<bt:Override Locale="en-US"/g)];
    expect(strings).toHaveLength((xml.match(/<bt:String /g) ?? []).length);
  });

  it('points at localhost:3000 and at icons that exist in every size', () => {
    const urls = [...xml.matchAll(/https:\/\/[^"<]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://localhost:3000')).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) expect(existsSync(`assets/icon-${size}.png`), `icon-${size}`).toBe(true);
    for (const [, name] of xml.matchAll(/https:\/\/localhost:3000\/(icon-\d+\.png)/g)) expect(existsSync(join('assets', name!))).toBe(true);
  });

  it('the build rewrites it for the production address (https only)', () => {
    const prod = productionManifest(xml, 'https://intranet.example.gov.cn/cluster-review/');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('https://intranet.example.gov.cn/cluster-review/taskpane/taskpane.html');
    expect(() => productionManifest(xml, 'http://intranet.example.gov.cn')).toThrow(/https/);
    if (hasXmllint) {
      const f = join(tempDir(), 'prod.xml');
      writeFileSync(f, prod);
      expect(validate(f).ok).toBe(true);
    }
    const out = join(tempDir(), 'manifest.xml');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-manifest.ts', out], { env: { ...process.env, ADDIN_BASE_URL: 'https://review.example.org' } });
    expect(readFileSync(out, 'utf8')).toContain('https://review.example.org/commands/commands.html');
  });
});
