/**
 * What the bodies of the commands share, in one place: the one terminal writer every command prints through, the
 * `--year` option read one way, and the claim on an output given with `-o` (never an input, never an existing file
 * without --force). Commands never write to the terminal any other way (lint: src/cli/commands may not use
 * console, process.stdout, process.stderr or the raw io).
 */
import { lstat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Lang } from '../core/index.js';
import type { TextKey, TextParams } from '../core/text/index.js';
import { FileError } from '../xlsx/errors.js';
import { refuseRunInput } from '../xlsx/output.js';
import { commandPath } from './help.js';
import { BadRulebook, usageText, UsageError, type CommandContext } from './common.js';
import { escapeForTerminal, jsonForTerminal, tSafe } from './terminal.js';
import { fileErrorText, warningText } from './text.js';
import type { FileWarning } from '../xlsx/errors.js';

/**
 * One line for the terminal, in either form:
 * - `(key, params)`: our words, every parameter escaped (a cluster, expert or rulebook name read from a file is one
 *   piece of text: a newline in it never starts a line, an ESC never reaches the terminal);
 * - a template literal, `` line`✓ ${file} → ${output}` ``: our layout, every interpolated value escaped.
 * The line's newline is added.
 */
export interface Line {
  (key: TextKey, params?: TextParams): void;
  (strings: TemplateStringsArray, ...values: unknown[]): void;
}

/** The one terminal writer of a command. */
export interface Terminal {
  /** To stdout. */
  out: Line;
  /** To stderr. */
  err: Line;
  /** The command's report lines: stdout, or stderr when stdout carries JSON. */
  say: Line;
  /** `错误：…` / `error: …` on stderr, the text escaped. */
  error(text: string): void;
  /** `提示：…` / `warning: …` on stderr, the text escaped. */
  warning(text: string): void;
  /** A file error in words, as `error`. */
  fileError(e: FileError): void;
  /** A file's warning in words, as `warning`. */
  fileWarning(w: FileWarning): void;
  /** A JSON document on stdout: valid JSON, with the controls a terminal acts on as \u escapes. */
  json(value: unknown): void;
  /** What the words of a line would be, without writing them (for a line composed of several). */
  words(key: TextKey, params?: TextParams): string;
}

const isTemplate = (x: unknown): x is TemplateStringsArray => Array.isArray(x) && 'raw' in x;

function lineTo(write: (s: string) => void, lang: Lang): Line {
  return ((first: TextKey | TemplateStringsArray, ...rest: unknown[]) => {
    if (isTemplate(first)) {
      let s = first[0]!;
      rest.forEach((v, i) => (s += escapeForTerminal(String(v)) + first[i + 1]!));
      write(`${s}\n`);
    } else write(`${tSafe(first, lang, rest[0] as TextParams | undefined)}\n`);
  }) as Line;
}

/** The terminal writer of a command run in `ctx`; with `json`, its report lines go to stderr (stdout is the JSON). */
export function terminal(ctx: CommandContext, opts: { json?: boolean } = {}): Terminal {
  const { io, lang } = ctx;
  const out = lineTo(io.out, lang);
  const err = lineTo(io.err, lang);
  const error = (text: string) => err('cli.error', { text });
  const warning = (text: string) => err('cli.warning', { text });
  return {
    out,
    err,
    say: opts.json ? err : out,
    error,
    warning,
    fileError: (e) => error(fileErrorText(e, lang)),
    fileWarning: (w) => warning(warningText(w, lang)),
    json: (value) => io.out(`${jsonForTerminal(value)}\n`),
    words: (key, params) => tSafe(key, lang, params),
  };
}

/**
 * A command's failure in words on stderr, through the terminal writer (exit 2): a usage error with the hint to the
 * command's --help, a file error, a rulebook's problems, else an internal error in one line (its stack only with
 * CLUSTER_REVIEW_DEBUG). Never a stack trace for bad input.
 */
export function printFailure(e: unknown, ctx: CommandContext, program: string): 2 {
  const term = terminal(ctx);
  if (e instanceof UsageError) {
    term.error(usageText(e, ctx.lang));
    term.err('cli.usage.hint', { command: e.command ?? program });
  } else if (e instanceof FileError) term.fileError(e);
  else if (e instanceof BadRulebook) {
    term.err('cli.rulebook.invalid', { file: e.file });
    for (const p of e.problems) term.err`  · ${p.message}`;
  } else {
    term.err('cli.internal', { detail: e instanceof Error ? e.message : String(e) });
    if (process.env.CLUSTER_REVIEW_DEBUG && e instanceof Error) ctx.io.err(`${e.stack}\n`);
  }
  return 2;
}

/** The inputs of a run, to guard (withRunInputs): files and lists of files, an option left out (undefined) skipped. */
export const inputsOf = (...parts: ReadonlyArray<string | readonly string[] | undefined>): string[] => parts.flatMap((p) => (p === undefined ? [] : typeof p === 'string' ? [p] : [...p]));

/** A round's identity findings on stderr: one application given twice is one, and two of one file name are two. */
export function identityLines(term: Terminal, ident: { same: ReadonlyArray<{ file: string; of: string }>; clashes: ReadonlyArray<{ files: string[]; ids: string[] }> }): void {
  for (const s of ident.same) term.err('committee.cli.same-application', { file: s.file, of: s.of });
  for (const c of ident.clashes) term.err('committee.cli.name-clash', { files: c.files, ids: c.ids });
}

/** A year option (`--year`), 2022…2100, else a usage error with `key`'s words naming the command. */
export function yearOption(value: string, cmd: Command, key: TextKey = 'cli.usage.year'): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2022 || year > 2100) throw new UsageError(key, { value }, commandPath(cmd));
  return year;
}

/**
 * The claim on an output given with `-o`, before any input is read (a batch of 260 files is not read to find the
 * output taken): never an input of the run, never an existing file without --force. Must run inside
 * withRunInputs; the write itself checks both again (src/xlsx/output.ts).
 */
export async function claimOutput(output: string, force: boolean | undefined): Promise<void> {
  await refuseRunInput(output);
  const exists = await lstat(output).then(() => true, () => false);
  // A reviewed copy, score sheet or committee list holding people's input is never replaced, --force or not.
  if (exists) {
    const { holdsExpertInput } = await import('../xlsx/held-input.js');
    if (await holdsExpertInput(output)) throw new FileError('output-holds-input', output);
  }
  if (!force && exists) throw new FileError('output-exists', output);
}
