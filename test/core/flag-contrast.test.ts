/**
 * Flag colours are seen against the cells they are placed on (issue #18, item 7): every flag colour keeps at least
 * 3:1 (WCAG 2.1, 1.4.11 non-text contrast) against every cell fill the tool's templates use — the light-yellow input
 * cells, white, the grey label and locked cells, the headers — and the black text of a flagged cell stays readable
 * on it (4.5:1, 1.4.3). The legend of flag colours, the summary and the documentation name the same colours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nationalRulebook } from '../../src/core/index.js';
import { monitoringForm } from '../../src/core/monitoring/form.js';
import { monitoringTemplateModels } from '../../src/core/monitoring/template.js';
import { FLAG_FILL, FLAGGED_STATUSES, STYLES, type SheetModel } from '../../src/core/report/sheet-model.js';
import { templateModels } from '../../src/core/report/template.js';
import { PREVIOUS_FLAG_FILLS } from '../../src/core/report/colour.js';
import { draftFlags, finishFlags } from '../../src/core/workflow/flags.js';
import { draftLegend } from '../../src/core/workflow/legend.js';
import type { CellFlag } from '../../src/core/report/flags.js';
import { INDICATOR_SHEET } from '../../src/core/index.js';

/** WCAG 2.1 relative luminance of "#RRGGBB". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const rb = nationalRulebook();
/** Every sheet the tool hands out to be filled in: the application template (with its name lists and plan sheets) and the monitoring form. */
const templates: SheetModel[] = [...templateModels(rb, 2025, 'zh-CN').sheets, ...monitoringTemplateModels(monitoringForm(rb), 2024, 'zh-CN').sheets];
/** The fills their cells carry, and white for cells without one (Excel shows no fill as white). */
const fills = [...new Set(['#FFFFFF', ...templates.flatMap((s) => s.cells.flatMap((c) => (c.style && STYLES[c.style].fill ? [STYLES[c.style].fill!.toUpperCase()] : [])))])];

describe('flag colours against the cells they are placed on', () => {
  it('the templates use the fills this test measures against (light-yellow input cells among them)', () => {
    expect(fills).toEqual(expect.arrayContaining(['#FFFFFF', '#FFF7D6', '#F2F2F2', '#EDEDED', '#DDDDDD', '#D9E1F2']));
  });

  for (const status of FLAGGED_STATUSES) {
    const flag = FLAG_FILL[status as keyof typeof FLAG_FILL];
    it(`${status} ${flag}: at least 3:1 against every template fill, and black text on it at least 4.5:1`, () => {
      for (const fill of fills) expect(contrast(flag, fill), `${status} ${flag} on ${fill}`).toBeGreaterThanOrEqual(3);
      expect(contrast(flag, '#000000'), `black text on ${status} ${flag}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the measure itself: the old 缺失 yellow on the light-yellow input cells was 1.27:1', () => {
    expect(contrast('#EEDD88', '#FFF7D6')).toBeCloseTo(1.27, 2);
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
  });

  it('the colours stay apart from each other and from the earlier palette (a re-check recognises both)', () => {
    const colours = FLAGGED_STATUSES.map((s) => FLAG_FILL[s as keyof typeof FLAG_FILL]);
    expect(new Set(colours).size).toBe(colours.length);
    expect(PREVIOUS_FLAG_FILLS).toEqual(['#EE8866', '#FFAABB', '#BBCC33', '#EEDD88', '#99DDFF']);
    for (const c of colours) expect(PREVIOUS_FLAG_FILLS).not.toContain(c);
  });
});

describe('a copy flagged with the earlier palette', () => {
  it('its flags are still the tool’s: a record without what it placed gets its cell back', () => {
    const cell = `${INDICATOR_SHEET}!F20`;
    const draft = draftFlags([INDICATOR_SHEET], [{ cell, fill: '#FFF7D6', note: null }], [], 'none');
    for (const old of PREVIOUS_FLAG_FILLS) {
      const { writes, edited } = finishFlags(draft, { cells: new Map([[cell, { fill: old }]]) }, 'zh-CN');
      expect(writes, old).toEqual([{ cell, fill: '#FFF7D6' }]);
      expect(edited).toEqual([]);
    }
    // A colour the tool never used is a person's: kept.
    expect(finishFlags(draft, { cells: new Map([[cell, { fill: '#123456' }]]) }, 'zh-CN').writes).toEqual([{ cell }]);
  });
});

describe('the legend says the same colours', () => {
  it('the legend of flag colours places each status with its flag colour', () => {
    const flags: CellFlag[] = FLAGGED_STATUSES.map((status, i) => ({ cell: `${INDICATOR_SHEET}!F${10 + i}`, status: status as CellFlag['status'], fill: FLAG_FILL[status as keyof typeof FLAG_FILL], note: '', findings: [] }));
    const reading = {
      names: [INDICATOR_SHEET],
      meta: null,
      found: { snapshot: { sheet: INDICATOR_SHEET, cells: [] } },
    } as unknown as Parameters<typeof draftLegend>[0];
    const legend = draftLegend(reading, INDICATOR_SHEET, 'notes', { flags, codeCol: 0, lang: 'zh-CN' });
    const swatches = legend.place.filter((c) => c.fill);
    expect(swatches.map((c) => c.fill)).toEqual(FLAGGED_STATUSES.map((s) => FLAG_FILL[s as keyof typeof FLAG_FILL]));
  });

  it('the summary’s status cells and the documentation name the same colours', () => {
    for (const s of FLAGGED_STATUSES) expect(STYLES[`status.${s}` as keyof typeof STYLES].fill).toBe(FLAG_FILL[s as keyof typeof FLAG_FILL]);
    const cli = readFileSync('docs/CLI.md', 'utf8');
    for (const s of FLAGGED_STATUSES) expect(cli).toContain(`${s} \`${FLAG_FILL[s as keyof typeof FLAG_FILL]}\``);
  });
});
