/**
 * One rule kind per file: the registry's kinds are exactly the files of src/core/checks/kinds/ (shared.ts
 * aside), each kind's implementation is an export of the file named after it, and each file opens with the
 * comment saying what it owns, naming its kind — so a kind added to the registry without a file of its own, a
 * file no kind uses, or a kind borrowed from another kind's file fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGISTRY, RULE_KINDS } from '../../src/core/checks/registry.js';

const dir = 'src/core/checks/kinds';
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const kindFiles = files.filter((f) => f !== 'shared.ts').map((f) => f.replace(/\.ts$/, ''));

describe('rule kinds, one per file', () => {
  it('the registry names exactly the kinds that have a file under kinds/', () => {
    expect([...RULE_KINDS].sort()).toEqual([...kindFiles].sort());
  });

  it.each(RULE_KINDS)('%s is implemented by its own file', async (kind) => {
    const mod = (await import(`../../src/core/checks/kinds/${kind}.ts`)) as Record<string, unknown>;
    expect(Object.values(mod)).toContain(REGISTRY[kind]);
  });

  it.each(files)('%s opens with the comment saying what it owns', (file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    expect(text.startsWith('/**\n')).toBe(true);
    const kind = file.replace(/\.ts$/, '');
    if (kind !== 'shared') expect(text.slice(0, text.indexOf('*/'))).toContain(`\`${kind}\``);
  });
});
