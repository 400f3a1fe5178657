/**
 * The distribution kit a province hands out (`cluster-review kit`): one folder with
 *
 *   README.md                  for the province's IT, in Chinese then English
 *   manifest.xml               the add-in's manifest for the base URL
 *   <template>.xlsx            the standard indicator workbook, protected (no password) and stamped
 *   rulebook/<id>.json, .xlsx  the rulebook, as JSON and as the workbook an official edits
 *   addin/                     the web root to host at the base URL: the built pane plus
 *     rulebooks/index.json     the rulebooks this deployment offers (id, edition, fingerprint, file) and the default
 *     rulebooks/<id>.json
 *
 * The pane is built once, for every province: it learns its rulebooks from rulebooks/index.json at start, so a
 * kit needs no compile of its own. Where office.js comes from is the build's choice (`officeJs`: the bundled copy,
 * or Microsoft's CDN); the README says which and what it means. The kit copies an already built add-in (`--addin`, e.g. `npm run build`'s
 * dist/) or builds one with vite (a dev dependency: present where the repository is installed for development).
 * Everything is written into a folder this run creates exclusively beside the output, each file through the one
 * guarded writer (./output.ts: its own exclusive temporary, never through a link, never onto an input of the run),
 * and the folder is renamed into place at the end: a failed run leaves nothing half-written, and an existing,
 * non-empty folder is never written into. The add-in folder copied in may hold no links: a link there would be a
 * kit file reaching somewhere else.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';
import type { Lang, LoadedRulebook } from '../core/index.js';
import { DEPLOYMENT_DIR, DEPLOYMENT_INDEX, deployedEntry, deploymentIndex } from '../core/rulebook/deployment.js';
import { fill } from '../core/text/format.js';
import { t } from '../core/text/index.js';
import { withOnlineUrl } from '../common/publish.js';
import { EMBEDDED_RULEBOOKS_FILE, rulebooksScript } from '../common/rulebooks-script.js';
import { KIT_OFFICE_JS, KIT_README, KIT_REQUESTS } from '../core/text/kit-readme.js';
import { UNSAFE_TEXT } from '../core/text/unsafe.js';
import { manifestBase, PRODUCTION_ID, productionManifest } from './manifest.js';
import { FileError } from './errors.js';
import { writeOutput } from './output.js';
import { writeRulebookWorkbook } from './rulebook-sheet.js';
import { writeTemplate } from './workbook.js';


/**
 * A rulebook's own text (its name, its edition) put into the kit's README: a control, line-break or bidi character
 * in it is shown as an escape, never written raw — it cannot forge a line or drive the terminal of the province's IT.
 */
const oneLine = (s: string): string => s.replace(UNSAFE_TEXT, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

export interface KitOptions {
  /** The province's rulebook: the default of the deployment. */
  rulebook: LoadedRulebook;
  /** Other rulebooks the deployment offers (e.g. the national edition), after the default. */
  others?: readonly LoadedRulebook[];
  year: number;
  baseUrl: string;
  lang: Lang;
  /** The kit folder: must not exist, or be empty. */
  out: string;
  /** An already built add-in folder (vite build's output); absent: built here with vite. */
  addin?: string;
  /** Called before the (slow) build, so the command can say what it is doing. */
  onBuild?: () => void;
  /**
   * Where the add-in's office.js comes from (`--office-js`): a copy bundled with it (default when the kit builds), or
   * Microsoft's CDN. With `addin`, the folder must have been built that way (absent: whatever it was built with).
   */
  officeJs?: OfficeJs;
}

export type OfficeJs = 'bundled' | 'cdn';

export interface KitResult {
  out: string;
  files: { readme: string; manifest: string; template: string; rulebookJson: string; rulebookSheet: string; addin: string; index: string };
  /** Where the kit's add-in loads office.js from: its bundled copy, or Microsoft's CDN. */
  officeJs: OfficeJs;
  /** The bundled copy's version ('—' for the CDN). */
  officeJsVersion: string;
}

export type KitErrorCode = 'out-not-empty' | 'out-not-folder' | 'addin-not-built' | 'no-vite' | 'base-url' | 'office-js-mismatch' | 'out-inside-addin' | 'addin-link' | 'out-link';

/** Why a kit cannot be made; the command says it in words (cli.kit.<code>). */
export class KitError extends Error {
  constructor(
    readonly code: KitErrorCode,
    readonly params: Record<string, string>,
  ) {
    super(code);
    this.name = 'KitError';
  }
}

/** The repository (or installed package) root: where manifest.xml, vite.config.ts and dist/ are. */
function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'manifest.xml'))) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cluster-review') return dir;
      } catch {
        // not ours; keep looking upwards
      }
    }
    if (dirname(dir) === dir) throw new Error('cluster-review: the package root (package.json and manifest.xml) was not found');
  }
}

/** A folder holding a built pane (taskpane/taskpane.html from vite build). */
const isBuiltAddin = (dir: string): boolean => existsSync(join(dir, 'taskpane', 'taskpane.html')) && existsSync(join(dir, 'commands', 'commands.html'));

/** Builds the pane with vite into a fresh temporary folder (vite is a dev dependency; absent in a bare install). */
async function buildAddin(root: string, officeJs: OfficeJs): Promise<string> {
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    throw new KitError('no-vite', {});
  }
  const outDir = await mkdtemp(join(tmpdir(), 'cluster-review-addin-'));
  // vite.config.ts reads the office.js choice from OFFICE_JS, as `npm run build -- --office-js` sets it.
  const before = process.env.OFFICE_JS;
  process.env.OFFICE_JS = officeJs;
  try {
    await vite.build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = before;
  }
  return outDir;
}

/** How a built add-in loads office.js: its own copy (office-js/office.js beside the pages) or Microsoft's CDN. */
const builtWith = (dir: string): OfficeJs => (existsSync(join(dir, 'office-js', 'office.js')) ? 'bundled' : 'cdn');

function officeJsVersionOf(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', '@microsoft', 'office-js', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '—';
  }
}

/** The first symbolic link inside `dir` (relative, with "/"), or null: the copy takes plain files and folders only. */
function firstLink(dir: string, rel = ''): string | null {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymbolicLink()) return r;
    if (e.isDirectory()) {
      const inner = firstLink(dir, r);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** A text file of the kit, through the guarded writer (exclusive unless `replace`: a file the copy brought that the kit rewrites). */
const put = (path: string, text: string, replace = false): Promise<void> => writeOutput(path, async (h) => void (await h.writeFile(text, 'utf8')), { force: replace });

/** A folder the kit may be written to: absent, or an empty folder. */
function refuseNonEmpty(out: string): void {
  // A link given as -o is never followed (the kit would land where it leads) nor replaced.
  if (lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) throw new KitError('out-link', { dir: out });
  if (!existsSync(out)) return;
  // A file where the kit's folder is needed is said as such, not as a folder "not empty".
  if (!statSync(out).isDirectory()) throw new KitError('out-not-folder', { dir: out });
  if (readdirSync(out).length) throw new KitError('out-not-empty', { dir: out });
}

export async function writeKit(o: KitOptions): Promise<KitResult> {
  const out = resolve(o.out);
  refuseNonEmpty(out);
  let base: string;
  try {
    base = manifestBase(o.baseUrl).root;
  } catch {
    throw new KitError('base-url', { value: o.baseUrl });
  }
  if (!existsSync(dirname(out))) throw new FileError('output-folder-not-found', o.out, { folder: dirname(o.out) });
  const root = packageRoot();
  let source = o.addin ? resolve(o.addin) : undefined;
  if (source && !isBuiltAddin(source)) throw new KitError('addin-not-built', { dir: o.addin! });
  // The kit copies the add-in folder: a kit inside it would be copied into itself (EINVAL), and one holding it too.
  if (source) {
    const [a, k] = [realpathSync(source), join(realpathSync(dirname(out)), basename(out))];
    const inside = (x: string, y: string) => x === y || x.startsWith(y.endsWith(sep) ? y : y + sep);
    if (inside(k, a) || inside(a, k)) throw new KitError('out-inside-addin', { dir: o.out, addin: o.addin! });
  }
  if (source) {
    const link = firstLink(source);
    if (link !== null) throw new KitError('addin-link', { dir: o.addin!, file: link });
  }
  if (source && o.officeJs && builtWith(source) !== o.officeJs) throw new KitError('office-js-mismatch', { dir: o.addin!, wanted: o.officeJs, found: builtWith(source) });
  let built: string | undefined;
  if (!source) {
    o.onBuild?.();
    source = built = await buildAddin(root, o.officeJs ?? 'bundled');
  }

  const rb = o.rulebook;
  const id = rb.source.id;
  const names = {
    readme: 'README.md',
    manifest: 'manifest.xml',
    template: t('cli.kit.file.template', o.lang, { year: o.year, id }),
    rulebookJson: join('rulebook', `${id}.json`),
    rulebookSheet: join('rulebook', `${id}.xlsx`),
    addin: 'addin',
    index: join('addin', ...DEPLOYMENT_INDEX.split('/')),
  };
  // A folder of this run's own, created exclusively (never a folder of that name someone has, never removed first):
  // every file of the kit is written into it, then it is renamed into place whole.
  const tmp = mkdtempSync(join(dirname(out), `.${[...basename(out)].slice(0, 60).join('')}.kit-`));
  try {
    // The add-in: the built pages, without the build's own manifest or any rulebooks folder (this kit's replace them).
    const addin = join(tmp, names.addin);
    cpSync(source, addin, {
      recursive: true,
      filter: (src) => {
        const rel = relative(source, src).split(sep).join('/');
        const dropped = (d: string) => rel === d || rel.startsWith(`${d}/`);
        return rel !== 'manifest.xml' && !dropped(DEPLOYMENT_DIR) && !dropped(`wps/${DEPLOYMENT_DIR}`);
      },
    });
    const officeJs = builtWith(addin);
    const officeJsVersion = officeJs === 'cdn' ? '—' : officeJsVersionOf(root);

    // The rulebooks the deployment offers, each as its own validated JSON file (its fingerprint is of this text).
    const offered = [rb, ...(o.others ?? []).filter((x) => x.source.id !== id)];
    mkdirSync(join(addin, DEPLOYMENT_DIR));
    const texts = new Map<string, string>();
    const entries = offered.map((x) => {
      const file = `${x.source.id}.json`;
      texts.set(`${DEPLOYMENT_DIR}/${file}`, `${JSON.stringify(x.source, null, 2)}\n`);
      return deployedEntry(x, file);
    });
    texts.set(DEPLOYMENT_INDEX, `${JSON.stringify(deploymentIndex(entries, id), null, 2)}\n`);
    for (const [f, text] of texts) await put(join(addin, ...f.split('/')), text);
    // The WPS 加载项 beside the Office pages: its list entry names this kit's address (the build left a placeholder or
    // its own), and it offers the same rulebooks, beside its pages as its pane looks for them (one up from taskpane/).
    // WPS reads them from rulebooks/rulebooks.js, the same texts embedded (offline it loads over file://, where
    // nothing can be fetched); the JSON files stay beside it as the record of what it embeds.
    const wps = join(addin, 'wps');
    if (existsSync(join(wps, 'index.html'))) {
      const publish = join(wps, 'publish.xml');
      if (existsSync(publish)) await put(publish, withOnlineUrl(readFileSync(publish, 'utf8'), `${base}/wps`), true);
      mkdirSync(join(wps, DEPLOYMENT_DIR));
      for (const [f, text] of texts) await put(join(wps, ...f.split('/')), text);
      await put(join(wps, ...EMBEDDED_RULEBOOKS_FILE.split('/')), rulebooksScript(Object.fromEntries(texts)));
    }

    const manifest = productionManifest(readFileSync(join(root, 'manifest.xml'), 'utf8'), base, PRODUCTION_ID);
    await put(join(tmp, names.manifest), manifest);
    // Also beside the pages, as `npm run build` puts it: a server copy the admin centre can be pointed at.
    await put(join(addin, 'manifest.xml'), manifest);

    mkdirSync(join(tmp, 'rulebook'));
    await put(join(tmp, names.rulebookJson), `${JSON.stringify(rb.source, null, 2)}\n`);
    await writeRulebookWorkbook(rb, o.lang, join(tmp, names.rulebookSheet), { english: true });
    await writeTemplate(rb, o.year, o.lang, join(tmp, names.template));

    const params = {
      id,
      edition: oneLine(String(rb.source.edition)),
      fingerprint: rb.fingerprint,
      year: o.year,
      url: base,
      template: names.template,
      officeJs: officeJsVersion,
    };
    // Chinese first, then English, in one file: the province's IT may read either. Section 5 and where requests go
    // depend on the office.js the add-in loads.
    const part = (lang: Lang, name: string) =>
      fill(KIT_README[lang], lang, { ...params, name, officeJsSection: fill(KIT_OFFICE_JS[officeJs][lang], lang, params), requests: KIT_REQUESTS[officeJs][lang] });
    const readme = `${part('zh-CN', oneLine(rb.source.name.zh))}\n\n---\n\n${part('en-US', oneLine(rb.source.name.en))}\n`;
    await put(join(tmp, names.readme), readme);

    // Into place: an empty folder given as -o is replaced by the finished kit.
    refuseNonEmpty(out);
    if (existsSync(out)) rmdirSync(out);
    renameSync(tmp, out);
    return { out, files: names, officeJs, officeJsVersion };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    if (built) rmSync(built, { recursive: true, force: true });
  }
}
