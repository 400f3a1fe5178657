/** WPS's globals are confined to src/wps by lint, as Office.js's are to src/office: the rule fires, and only there is it quiet. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const lint = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

describe('WPS globals boundary', () => {
  it.each(['src/core/sample.ts', 'src/taskpane/sample.tsx', 'src/commands/sample.ts', 'src/office/sample.ts', 'src/xlsx/sample.ts', 'src/cli/sample.ts'])('%s may not touch Application or wps', async (file) => {
    expect(await lint('export const y = Application.ActiveWorkbook;\n', file)).toContain('no-restricted-globals');
    expect(await lint('export const y = wps.CreateTaskPane;\n', file)).toContain('no-restricted-globals');
  });
  it('src/wps may, and may not touch Office.js', async () => {
    expect(await lint('export const y = Application.ActiveWorkbook;\n', 'src/wps/sample.ts')).not.toContain('no-restricted-globals');
    expect(await lint('export const y = Excel.run;\n', 'src/wps/sample.ts')).toContain('no-restricted-globals');
  });
});
