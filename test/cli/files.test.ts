/** The pure rules of output safety and terminal text: names, case folding, default names, escapes, read errors. */
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, escapeLines, jsonForTerminal } from '../../src/cli/terminal.js';
import { readError } from '../../src/xlsx/errors.js';
import { inputAt, type Place } from '../../src/xlsx/output.js';
import { chooseDefault, collisionKey, outputStem, swapCase, tempName, tempOwner } from '../../src/xlsx/output-plan.js';

const none = { exists: () => false, isInput: () => false, planned: () => false };

describe('default output names', () => {
  it('an original gets the first <stem>.reviewed[-N].xlsx that exists nowhere and is no input; a name planned for another input collides', () => {
    expect(chooseDefault('x.xlsx', none)).toEqual({ kind: 'name', name: 'x.reviewed.xlsx' });
    // A re-run never replaces the first round's copy (it may hold experts' scores), --force or not.
    expect(chooseDefault('x.xlsm', { ...none, exists: (n) => n === 'x.reviewed.xlsx' })).toEqual({ kind: 'name', name: 'x.reviewed-2.xlsx' });
    expect(chooseDefault('x.xlsx', { ...none, isInput: (n) => n === 'x.reviewed.xlsx' })).toEqual({ kind: 'name', name: 'x.reviewed-2.xlsx' });
    expect(chooseDefault('x.xlsx', { ...none, planned: (n) => n === 'x.reviewed.xlsx' }).kind).toBe('planned');
  });

  it('a reviewed copy gets the first name that exists nowhere: never an earlier round, never itself', () => {
    const existing = new Set(['x.reviewed.xlsx', 'x.reviewed-2.xlsx']);
    expect(chooseDefault('x.reviewed-2.xlsx', { ...none, exists: (n) => existing.has(n), isInput: (n) => n === 'x.reviewed-2.xlsx' })).toEqual({ kind: 'name', name: 'x.reviewed-3.xlsx' });
    expect(chooseDefault('X.Reviewed.xlsx', { ...none, exists: (n) => n === 'X.reviewed.xlsx' })).toEqual({ kind: 'name', name: 'X.reviewed-2.xlsx' });
    expect(chooseDefault('x.reviewed.xlsx', { ...none, exists: (n) => n === 'x.reviewed.xlsx', planned: (n) => n === 'x.reviewed-2.xlsx' })).toEqual({ kind: 'name', name: 'x.reviewed-3.xlsx' });
  });

  it('stems and collisions: a/x.xlsx and b/x.xlsm collide in one folder; x.xlsx and x.reviewed.xlsx do not', () => {
    expect(outputStem('x.reviewed-12.xlsx')).toEqual({ stem: 'x', reviewed: true });
    expect(collisionKey('d', 'x.xlsx', false)).toBe(collisionKey('d', 'x.xlsm', false));
    expect(collisionKey('d', 'x.xlsx', false)).not.toBe(collisionKey('d', 'x.reviewed.xlsx', false));
    expect(collisionKey('d', 'X.xlsx', false)).not.toBe(collisionKey('d', 'x.xlsx', false));
    expect(collisionKey('d', 'X.xlsx', true)).toBe(collisionKey('d', 'x.xlsx', true));
    expect(collisionKey('d', 'x.xlsx', true)).not.toBe(collisionKey('e', 'x.xlsx', true));
  });
});

describe('file identity where names are folded', () => {
  const input: Place & { path: string } = { id: { dev: 1n, ino: 10n }, dirKey: '1:2', name: 'in.xlsx', caseInsensitive: true, path: 'd/In.xlsx' };
  it('an output that does not exist yet matches an input by real folder and name, folded when the folder ignores case', () => {
    expect(inputAt({ id: null, dirKey: '1:2', name: 'IN.XLSX', caseInsensitive: true }, [input])).toBe('d/In.xlsx');
    expect(inputAt({ id: null, dirKey: '1:3', name: 'in.xlsx', caseInsensitive: true }, [input])).toBeUndefined();
    expect(inputAt({ id: null, dirKey: '1:2', name: 'IN.XLSX', caseInsensitive: false }, [{ ...input, caseInsensitive: false }])).toBeUndefined();
  });
  it('an existing output matches by device and inode only', () => {
    expect(inputAt({ id: { dev: 1n, ino: 10n }, dirKey: '9:9', name: 'other.xlsx', caseInsensitive: false }, [input])).toBe('d/In.xlsx');
    expect(inputAt({ id: { dev: 2n, ino: 10n }, dirKey: '1:2', name: 'in.xlsx', caseInsensitive: true }, [input])).toBeUndefined();
  });
  it('swapCase is the probe', () => {
    expect(swapCase('Ab.XLSX 集群')).toBe('aB.xlsx 集群');
  });
});

describe('temporary file names', () => {
  it('carry the pid; only ours are recognised — never a name a person may have chosen (issue 20)', () => {
    const name = tempName('申报.reviewed.xlsx', 4242, 3);
    expect(name).toBe('.申报.reviewed.xlsx.cluster-review-4242-3.tmp');
    expect(tempOwner(name)).toBe(4242);
    // What versions before 0.2 left looks like a person's file (汇总.xlsx.tmp-20241201): never taken as ours.
    for (const other of ['a.xlsx', '.a.xlsx.cluster-review-x-1.tmp', 'notes.tmp-3', '.a.cluster-review-0-1.tmp', 'a.reviewed.xlsx.tmp-77', '汇总.xlsx.tmp-20241201', 'Report.XLSX.TMP-31337']) expect(tempOwner(other), other).toBeNull();
    expect(Buffer.byteLength(tempName('集'.repeat(200), 4194304, 99999))).toBeLessThan(255);
  });
});

describe('terminal text', () => {
  it('escapes C0 (tab and newline too), DEL, C1, ESC and bidi controls visibly; leaves CJK and punctuation', () => {
    expect(escapeForTerminal('a\x1b]0;t\x07b\tc\nd\x7f\u009b\u202e\u2066\u200f集群“是”')).toBe('a\\x1b]0;t\\x07b\\x09c\\x0ad\\x7f\\x9b\\u202e\\u2066\\u200f集群“是”');
    expect(escapeLines('line\tone\n\x1b[2J')).toBe('line\tone\n\\x1b[2J');
    // Invisible characters too (issue 20): two names differing only by a zero-width space never print the same.
    expect(escapeForTerminal('a\u200bb\u200dc\u2060d\ufeffe\u061cf')).toBe('a\\u200bb\\u200dc\\u2060d\\ufeffe\\u061cf');
  });
  it('JSON stays valid and the same value: C1 and bidi as \\u escapes', () => {
    const value = { s: 'a\u009b\u202e\u2028\x1b\n' };
    const text = jsonForTerminal(value);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0080-\u009f\u202e\u2028\x1b]/);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('read errors by cause', () => {
  // The seam for permissions: the errno a read gave, injected (the suite runs as root, which reads anything;
  // test/hostile/messages.test.ts also gets a real EACCES with privileges dropped).
  const err = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['ENOENT', 'not-found'],
    ['ENOTDIR', 'not-found'],
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['ELOOP', 'link-loop'],
    ['EISDIR', 'not-a-file'],
    ['EIO', 'unreadable'],
  ])('%s → %s', (code, expected) => {
    expect(readError(err(code), 'f.xlsx').code).toBe(expected);
  });
});
