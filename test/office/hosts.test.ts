/**
 * The add-in in the Excels it really runs in (issue #18, items 1 and 3), each decided the way the pane decides it
 * (test/support/hosts.ts: Office.context.requirements and the loaded office.js's classes):
 *
 * - Microsoft 365 reports ExcelApi 1.18, but the bundled office.js (@microsoft/office-js 1.1.110) defines no notes:
 *   an API is used only where the host reports its set AND the library defines it — the check, the summary, saving a
 *   回避 reason or 专家意见 all take the next rung of the ladder (threads), never `workbook.notes`.
 * - Excel 2021/2024 LTSC (threads, no notes): an applicant's legacy note on a flagged cell refuses the thread; the
 *   cell still gets its flag colour, the finding is listed, the record is written and the template protected again.
 *   Errors are told apart by their code: only a protection code (AccessDenied, BadPassword) asks for a password.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_FILL, INDICATOR_SHEET, META_SHEET, parseMeta, standardLayout, toA1 } from '../../src/core/index.js';
import { enterScore, readScoring, type ScoringView } from '../../src/office/scoring.js';
import { checkWorkbook, clearFlags, writeSummary, type Session } from '../../src/office/workbook.js';
import { FAKE_HOSTS, type FakeHost, type FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS, metaRows } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';
import { hostCaps } from '../support/hosts.js';

const dir = tempDir();
const layout = standardLayout(rb, 2025);
const cellOf = (code: string, col = 5) => `${INDICATOR_SHEET}!${toA1(layout.rows.find((r) => r.indicator.code === code)!.row, col)}`;
const TIME = '2025-06-01 10:00';
const LEGACY_NOTE = '申报单位：数据来源为县统计局年报';

async function open(name: string, host: FakeHost): Promise<{ fake: FakeWorkbook; session: () => Session; caps: Awaited<ReturnType<typeof hostCaps>> }> {
  const fake = fakeFromExcelJS(await load(await writeExample(dir, name, {}, `${name}-${Math.random().toString(36).slice(2)}.xlsx`)));
  fake.host = host;
  const caps = await hostCaps(fake);
  return { fake, caps, session: () => ({ ctx: fake.context(), rb, lang: 'zh-CN', caps: caps.caps }) };
}

const metaOf = (fake: FakeWorkbook) => parseMeta(metaRows(fake.sheet(META_SHEET).cells));

async function scoringView(fake: FakeWorkbook, scoring: Awaited<ReturnType<typeof hostCaps>>['scoring']): Promise<ScoringView> {
  const v = await readScoring(fake.context({ author: '张三' }), rb, scoring);
  if (typeof v === 'string') throw new Error(v);
  return v;
}

describe('Microsoft 365 reporting ExcelApi 1.18, with the bundled office.js (no notes in the library)', () => {
  it('takes the next rung of the ladder: threads for the check, no notes for scoring', async () => {
    const { caps } = await open('02-failing', FAKE_HOSTS.bundled);
    expect(caps.caps.explanations).toBe('comments');
    expect(caps.caps.explanationsLimitedBy).toBe('library');
    expect(caps.scoring).toMatchObject({ threads: true, notes: false });
    // The same Excel with office.js from the CDN has notes.
    const current = await open('02-failing', FAKE_HOSTS.current);
    expect(current.caps.caps.explanations).toBe('notes');
    expect(current.caps.scoring.notes).toBe(true);
  });

  it('the check flags every failing cell with a thread, the summary is written, a clear takes the threads back', async () => {
    const { fake, session } = await open('02-failing', FAKE_HOSTS.bundled);
    const checked = await checkWorkbook(session());
    expect(checked.readOnly).toBeUndefined();
    expect(checked.flagged).toBeGreaterThan(0);
    expect(fake.at(cellOf('5.1'))?.fill).toBe(FLAG_FILL.fail);
    const flags = metaOf(fake)!.review!.flags;
    for (const f of flags) expect(fake.state.comments.find((c) => c.id === f.comment)?.cell, f.cell).toBe(f.cell);
    expect(fake.state.notes).toEqual({});
    await expect(writeSummary(session(), { experts: ['张三', '李四'] })).resolves.toMatchObject({ sheet: '评审汇总' });
    expect(await clearFlags(session())).toBeGreaterThan(0);
    expect(fake.state.comments).toEqual([]);
  });

  it('saving a 回避 reason and 专家意见 records them without notes', async () => {
    const { fake, session, caps } = await open('01-passing', FAKE_HOSTS.bundled);
    await writeSummary(session(), { experts: ['张三', '李四'] });
    const v = await scoringView(fake, caps.scoring);
    const ctx = fake.context({ author: '张三' });
    const reason = await enterScore(ctx, v, rb, 'zh-CN', caps.scoring, { expert: '张三', item: { kind: 'recusal-reason' }, value: '曾参与该集群规划编制', lastSeen: null, time: TIME });
    expect(reason.kind).toBe('written');
    const opinion = await enterScore(ctx, v, rb, 'zh-CN', caps.scoring, { expert: '张三', item: { kind: 'opinion' }, value: '建议推荐', lastSeen: null, time: TIME });
    expect(opinion.kind).toBe('written');
    expect(fake.state.notes).toEqual({});
    const audit = Object.values(fake.sheet('评分记录').cells).map((c) => c.value);
    expect(audit).toEqual(expect.arrayContaining(['曾参与该集群规划编制', '建议推荐']));
  });
});

describe.each([FAKE_HOSTS.ltsc2021, FAKE_HOSTS.ltsc2024])('$name: threads, no notes', (host) => {
  it('no notes anywhere: the check uses threads, the summary is written without touching notes', async () => {
    const { fake, caps, session } = await open('02-failing', host);
    expect(caps.caps.explanations).toBe('comments');
    expect(caps.caps.explanationsLimitedBy).toBe('host');
    expect(caps.scoring.notes).toBe(false);
    await checkWorkbook(session());
    await expect(writeSummary(session(), { experts: ['张三'] })).resolves.toMatchObject({ sheet: '评审汇总' });
    expect(fake.state.comments.length).toBeGreaterThan(0);
  });

  it('an applicant’s legacy note on a flagged cell: flag colour, finding listed, record written, template protected again', async () => {
    const { fake, session } = await open('02-failing', host);
    const options = { allowInsertRows: true, allowFormatColumns: false };
    fake.sheet(INDICATOR_SHEET).protection = { options };
    const noted = cellOf('5.1');
    fake.state.notes[noted] = LEGACY_NOTE;

    const checked = await checkWorkbook(session());
    expect(checked.readOnly).toBeUndefined();
    expect(checked.report.findings.some((f) => f.status === 'fail' && f.cells.includes(noted))).toBe(true);
    expect(fake.at(noted)?.fill).toBe(FLAG_FILL.fail);
    // No thread beside the note; the note is the applicant's and stays.
    expect(fake.state.comments.some((c) => c.cell === noted)).toBe(false);
    expect(fake.state.notes[noted]).toBe(LEGACY_NOTE);
    // Every other flagged cell has its thread; the record holds every flag, the noted one without a thread.
    const flags = metaOf(fake)!.review!.flags;
    expect(flags.map((f) => f.cell)).toContain(noted);
    expect(flags.find((f) => f.cell === noted)?.comment).toBeUndefined();
    for (const f of flags.filter((x) => x.cell !== noted)) expect(fake.state.comments.find((c) => c.id === f.comment)?.cell, f.cell).toBe(f.cell);
    expect(checked.flagged).toBe(flags.length);
    // The template is protected again, with its own options.
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ options });
    // Said, in words: the explanation of that cell is in the pane and the summary.
    const said = checked.warnings.find((w) => w.code === 'thread-refused');
    expect(said?.params.cells).toEqual([noted]);

    // Checked again: nothing piles up; cleared: the cell gets its fill back, the note stays, the threads go.
    const again = await checkWorkbook(session());
    expect(again.readOnly).toBeUndefined();
    expect(fake.state.comments.filter((c) => c.cell === cellOf('8.3'))).toHaveLength(1);
    expect(await clearFlags(session())).toBeGreaterThan(0);
    expect(fake.at(noted)?.fill).toBe('#FFF7D6');
    expect(fake.state.notes[noted]).toBe(LEGACY_NOTE);
    expect(fake.state.comments).toEqual([]);
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ options });
  });

  it('a password is still a password: the review comes back read-only, told by the error’s code', async () => {
    const { fake, session } = await open('02-failing', host);
    fake.sheet(INDICATOR_SHEET).protection = { password: '集群2025', options: {} };
    fake.state.notes[cellOf('5.1')] = LEGACY_NOTE;
    const shown = await checkWorkbook(session());
    expect(shown.readOnly).toEqual({ reason: 'sheet-protected', sheet: INDICATOR_SHEET, passwordTried: false });
    const wrong = await checkWorkbook(session(), { password: '错误' });
    expect(wrong.readOnly).toMatchObject({ reason: 'sheet-protected', passwordTried: true });
    const done = await checkWorkbook(session(), { password: '集群2025' });
    expect(done.readOnly).toBeUndefined();
    expect(fake.at(cellOf('5.1'))?.fill).toBe(FLAG_FILL.fail);
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ password: '集群2025', options: {} });
  });
});
