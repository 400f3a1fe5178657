/**
 * What every command shares: the terminal, the language, usage errors, terminal layout, the workbooks of folders.
 * Loaded by `cluster-review --help`, so it imports no more of the core than words and types: the rulebook in force
 * (which loads zod and the built-in rulebook) is ./rulebook-file.ts, the workbook adapter is imported inside the
 * command actions.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RulebookProblem } from '../core/rulebook/problems.js';
import { t, type TextKey, type TextParams } from '../core/text/index.js';
import type { Lang } from '../core/types.js';
import { checkNameLength, FileError, readError } from '../xlsx/errors.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
}

export const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), now: () => new Date() };

/** What a command's action may use: where to write, in which language, and how to raise the exit code. */
export interface CommandContext {
  io: Io;
  lang: Lang;
  /** Raises the exit code to at least `code` (0 success, 1 an application not passed, 2 usage or file error). */
  exit(code: 0 | 1 | 2): void;
}

/** A wrong use of the command line, with its words as a text key: shown in the chosen language, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly key: TextKey,
    readonly params: TextParams = {},
    /** The command whose `--help` the hint points to, e.g. "cluster-review check". */
    readonly command?: string,
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

/** A rulebook file that loaded but is not valid: its problems, already in the chosen language. */
export class BadRulebook extends Error {
  constructor(
    readonly file: string,
    readonly problems: RulebookProblem[],
  ) {
    super(`rulebook not valid: ${file}`);
    this.name = 'BadRulebook';
  }
}

export const LANG_CHOICES = ['zh', 'en', 'zh-CN', 'en-US'] as const;

const langOf = (v: string | undefined): Lang => (v === 'en' || v === 'en-US' ? 'en-US' : 'zh-CN');

/**
 * The language, from argv before commander parses it, so commander's own help and errors can already be in it.
 * An unknown value falls back to Chinese (commander then refuses it, in Chinese).
 */
export function langFromArgv(argv: readonly string[]): Lang {
  let lang: Lang = 'zh-CN';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') lang = langOf(argv[i + 1]);
    else if (a.startsWith('--lang=')) lang = langOf(a.slice('--lang='.length));
  }
  return lang;
}

/** The words of a usage error, with commander's suggestion if it made one (the hint to --help is added at the edge). */
export const usageText = (e: UsageError, lang: Lang): string =>
  t(e.key, lang, e.params) + (e.params.suggestion ? t('cli.usage.did-you-mean', lang, { suggestion: e.params.suggestion }) : '');

/** A rulebook's own two-language text (names, titles) in `lang`: data, not words of ours. */
export const local = (x: { zh: string; en: string }, lang: Lang): string => (lang === 'zh-CN' ? x.zh : x.en);

export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Columns a string takes on a terminal: CJK characters take two. */
export function displayWidth(s: string): number {
  return [...s].reduce((a, ch) => a + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
}

export function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - displayWidth(s)));
}

/** The extensions a folder's workbooks are found by (a legacy .xls is found, and then refused in words). */
export const WORKBOOK_EXT: ReadonlySet<string> = new Set(['.xlsx', '.xlsm', '.xls']);

/**
 * Folders become the workbooks in them, sorted (Office lock files `~$…` skipped); a file is kept as given, and a
 * name that is not there is kept too, so the command reports it by name. With `onePerApplication`, a reviewed
 * copy beside its original in one folder is the same application and counted once.
 */
export async function expandWorkbooks(items: readonly string[], opts: { onePerApplication?: boolean } = {}): Promise<string[]> {
  const files: string[] = [];
  for (const item of items) {
    const isDir = await stat(item).then((s) => s.isDirectory(), () => false);
    if (!isDir) {
      files.push(item);
      continue;
    }
    let entries: string[];
    try {
      entries = await readdir(item);
    } catch (e) {
      throw readError(e, item);
    }
    let names = entries.filter((n) => WORKBOOK_EXT.has(extname(n).toLowerCase()) && !n.startsWith('~$')).sort();
    if (opts.onePerApplication) {
      const present = new Set(names);
      const original = (n: string) => n.replace(/\.reviewed(-\d+)?\.xlsx$/i, '');
      names = names.filter((n) => original(n) === n || !['.xlsx', '.xlsm'].some((ext) => present.has(original(n) + ext)));
    }
    files.push(...names.map((n) => join(item, n)));
  }
  return files;
}

/**
 * Makes the output folder `-o` names (and its parents): a file of that name is said to be one (EEXIST and ENOTDIR
 * were an internal error), a name too long or a folder without permission as such.
 */
export async function outputFolder(path: string): Promise<void> {
  const { mkdir, stat } = await import('node:fs/promises');
  checkNameLength(path);
  const isFile = await stat(path).then((s) => !s.isDirectory(), () => false);
  if (isFile) throw new FileError('output-not-folder', path);
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new FileError('output-not-folder', path);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new FileError('output-no-permission', path, { detail: code });
    throw e;
  }
}
