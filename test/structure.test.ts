/**
 * Files are split by what they do (issue 23): every source file opens with a comment saying what it owns, and a
 * file over MAX_LINES lines says in that comment why it is one file ("Why one file: …"), or is listed in KNOWN_LONG
 * while it is being split. The list may only shrink: an entry whose file is short again, or says why, fails.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readSources, type Sources } from './support/layers.js';

const MAX_LINES = 450;
/** The words a long file's first comment gives its reason with. */
const REASON = /Why one file: \S/;

/** Long files known, each to be split or to say why (the lead merges the work of helpers on them). */
const KNOWN_LONG: ReadonlyArray<{ file: string; why: string }> = [
];

const lines = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
/** The file's first comment (before its first token), or null. */
const firstComment = (text: string): string | null => {
  const body = text.replace(/^#!.*\n/, '');
  const r = ts.getLeadingCommentRanges(body, 0)?.[0];
  return r ? body.slice(r.pos, r.end) : null;
};

interface Verdict {
  /** Files with no comment before their first token. */
  unsaid: string[];
  /** Files over MAX_LINES whose first comment gives no reason, and not listed. */
  long: string[];
  /** KNOWN_LONG entries that are no longer long without a reason (remove them). */
  stale: string[];
}

function checkStructure(files: Sources, known: ReadonlyArray<{ file: string }> = KNOWN_LONG): Verdict {
  const unsaid: string[] = [];
  const tooLong: string[] = [];
  for (const [file, text] of files) {
    const comment = firstComment(text);
    if (!comment) unsaid.push(file);
    if (lines(text) > MAX_LINES && !REASON.test(comment ?? '')) tooLong.push(file);
  }
  const listed = new Set(known.map((k) => k.file));
  return { unsaid, long: tooLong.filter((f) => !listed.has(f)), stale: [...listed].filter((f) => !tooLong.includes(f)) };
}

const src = readSources('.');
const big = (head: string) => `${head}\n${'export const x = 1;\n'.repeat(MAX_LINES)}`;

describe('structure', () => {
  it('every file of src/ says what it owns; a file over 450 lines says why it is one file (or is listed, being split)', () => {
    expect(checkStructure(src)).toEqual({ unsaid: [], long: [], stale: [] });
  });

  it('a planted file of 451 lines without a reason fails; with one it passes', () => {
    const without = checkStructure(new Map([...src, ['src/core/planted.ts', big('/** What it owns. */')]]));
    expect(without.long).toEqual(['src/core/planted.ts']);
    const said = checkStructure(new Map([...src, ['src/core/planted.ts', big('/**\n * What it owns. Why one file: the one table.\n */')]]));
    expect(said.long).toEqual([]);
  });

  it('a reason further down, not in the first comment, does not count', () => {
    const later = checkStructure(new Map([...src, ['src/core/planted.ts', `/** What it owns. */\n/** Why one file: said too late. */\n${big('')}`]]));
    expect(later.long).toEqual(['src/core/planted.ts']);
  });

  it('a file with no first comment fails', () => {
    expect(checkStructure(new Map([...src, ['src/core/planted.ts', 'export const x = 1;\n']])).unsaid).toEqual(['src/core/planted.ts']);
  });

  it('a listed long file that is short again must leave the list (it only shrinks)', () => {
    const known = [{ file: 'src/core/planted.ts' }];
    expect(checkStructure(new Map([...src, ['src/core/planted.ts', big('/** What it owns. */')]]), [...KNOWN_LONG, ...known]).stale).toEqual([]);
    expect(checkStructure(new Map([...src, ['src/core/planted.ts', '/** What it owns. */\nexport const x = 1;\n']]), [...KNOWN_LONG, ...known]).stale).toEqual(['src/core/planted.ts']);
  });
});
