/**
 * The rulebook in force for a command: the built-in national edition, or a province's file read within bounds,
 * its problems in the chosen language. Apart from ./common.ts because it loads the rulebook loader (zod) and the
 * built-in edition, which `--help` has no need of.
 */
import { readFile, stat } from 'node:fs/promises';
import { LIMITS, loadRulebook, megabytes, nationalRulebook, RulebookError, type Lang, type LoadedRulebook } from '../core/index.js';
import { rulebookTooDeep } from '../core/rulebook/load.js';
import { FileError, readError } from '../xlsx/errors.js';
import { BadRulebook } from './common.js';

/** The rulebook in force: the built-in national edition, or a province's file; problems are in `lang`. */
export async function rulebookFrom(file: string | undefined, lang: Lang): Promise<LoadedRulebook> {
  if (!file) return nationalRulebook();
  let text: string;
  try {
    // Bounded work: a rulebook file beyond the limit is refused by its size, before a byte is read.
    const size = (await stat(file)).size;
    if (size > LIMITS.rulebookBytes) throw new FileError('too-large', file, { what: 'rulebook', limit: megabytes(LIMITS.rulebookBytes), actual: megabytes(size) });
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof FileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileError('rulebook-not-found', file);
    // A permission, a link loop or a folder is named as such, like a workbook's.
    const named = readError(e, file);
    throw named.code === 'unreadable' ? new FileError('rulebook-unreadable', file, named.params) : named;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // JSON.parse recurses: nesting beyond the stack is a rulebook problem, said as one, not a crash.
    if (e instanceof RangeError) throw new BadRulebook(file, [rulebookTooDeep(lang)]);
    // A rulebook workbook (a zip: "PK") given where its JSON is wanted: the way from one to the other is said.
    if (text.startsWith('PK')) throw new FileError('rulebook-is-workbook', file);
    throw new FileError('rulebook-not-json', file, { detail: (e as Error).message });
  }
  try {
    return loadRulebook(json, file, lang);
  } catch (e) {
    if (e instanceof RulebookError) throw new BadRulebook(file, e.problems);
    throw e;
  }
}
