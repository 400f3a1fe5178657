/** The core's purity is enforced by lint: prove the rule fires on a forbidden import, and stays quiet elsewhere. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const lint = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

describe('core import boundary', () => {
  it.each([
    "import ExcelJS from 'exceljs';",
    "import { Button } from '@fluentui/react-components';",
    "import React from 'react';",
    "import { readFileSync } from 'node:fs';",
    "import { x } from '../xlsx/workbook.js';",
  ])('src/core rejects %s', async (code) => {
    expect(await lint(`${code}\nexport const y = 1;\n`, 'src/core/sample.ts')).toContain('no-restricted-imports');
  });
  it('src/core rejects the Office.js globals', async () => {
    expect(await lint('export const y = Excel.run;\n', 'src/core/sample.ts')).toContain('no-restricted-globals');
  });
  it('adapters may import them', async () => {
    expect(await lint("import ExcelJS from 'exceljs';\nexport const y = ExcelJS;\n", 'src/xlsx/sample.ts')).not.toContain('no-restricted-imports');
  });
  it.each(['src/taskpane/sample.tsx', 'src/commands/sample.ts', 'src/cli/sample.ts'])('%s may not touch Excel directly: only src/office does', async (file) => {
    expect(await lint('export const y = Excel.run;\n', file)).toContain('no-restricted-globals');
    expect(await lint('export const y = Office.onReady;\n', file)).toContain('no-restricted-globals');
    expect(await lint('export const y = Office.onReady;\n', 'src/office/sample.ts')).not.toContain('no-restricted-globals');
  });
});

describe('one terminal writer', () => {
  it.each([
    "console.log('x');",
    "process.stdout.write('x');",
    "process.stderr.write('x');",
    "export const f = (io: { out: (s: string) => void }) => io.out('x');",
    "export const f = (ctx: { io: { err: (s: string) => void } }) => ctx.io.err('x');",
  ])('src/cli/commands rejects %s: commands print through terminal(ctx)', async (code) => {
    expect(await lint(`${code}\nexport const y = 1;\n`, 'src/cli/commands/sample.ts')).toContain('no-restricted-syntax');
  });
  it('the writer itself, and the terminal writer’s lines in a command, pass', async () => {
    expect(await lint("export const f = (io: { out: (s: string) => void }) => io.out('x');\n", 'src/cli/run-command.ts')).not.toContain('no-restricted-syntax');
    expect(await lint('export const f = (term: { say: (s: TemplateStringsArray) => void }) => {\n  term.say`x`;\n};\n', 'src/cli/commands/sample.ts')).toEqual([]);
  });
});
