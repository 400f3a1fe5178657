/**
 * Co-authoring modelled as Excel merges it (issue #18, item 2; test/support/coauthor.ts): each expert acts on a copy
 * of the workbook, the copies merge — a cell takes its last writer's value, inserted rows and sheets of both survive.
 * Nothing of either person is lost, the summary stays trusted, no second summary sheet appears.
 */
import { describe, expect, it, vi } from 'vitest';
import { META_SHEET, readMetaRecord } from '../../src/core/index.js';
import { FULL_CAPABILITIES, type Capabilities } from '../../src/office/capabilities.js';
import { discuss, enterScore, readScoring, type ScoringCaps, type ScoringView } from '../../src/office/scoring.js';
import { checkWorkbook, clearFlags, writeSummary, type Session } from '../../src/office/workbook.js';
import { errorNotice } from '../../src/common/notice.js';
import { CoauthorRoom, type Coauthor } from '../support/coauthor.js';
import { FAKE_HOSTS, type FakeState, type FakeWorkbook } from '../support/fake-excel.js';
import { hostCaps } from '../support/hosts.js';
import { fakeFromExcelJS, metaRows } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
const ALL: ScoringCaps = { events: true, threads: true, resolved: true, notes: true };
const TIME = '2025-06-01 10:00';
const EXPERTS = ['张三', '李四', '王五'];

async function summarised(example = '02-failing'): Promise<FakeWorkbook> {
  const fake = fakeFromExcelJS(await load(await writeExample(dir, example, {}, `m-${Math.random().toString(36).slice(2)}.xlsx`)));
  await writeSummary({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: EXPERTS });
  return fake;
}
const session = (c: Coauthor, caps: Capabilities = FULL_CAPABILITIES): Session => ({ ctx: c.context(), rb, lang: 'zh-CN', caps });
async function view(c: Coauthor, scoring: ScoringCaps = ALL): Promise<ScoringView> {
  const v = await readScoring(c.context(), rb, scoring);
  if (typeof v === 'string') throw new Error(v);
  return v;
}
const score = async (c: Coauthor, v: ScoringView, criterion: string, value: number, scoring: ScoringCaps = ALL) =>
  enterScore(c.context(), v, rb, 'zh-CN', scoring, { expert: c.author, item: { kind: 'score', criterion }, value, lastSeen: null, time: TIME });

const recordOf = (wb: FakeWorkbook, name = META_SHEET) => readMetaRecord(metaRows(wb.sheet(name).cells));

describe('the merge model itself', () => {
  it('a cell takes the last writer’s value; rows both inserted at one place both survive', async () => {
    const fake = await summarised();
    const room = new CoauthorRoom(fake.state);
    const a = room.join('A');
    const b = room.join('B');
    const ca = a.context();
    const wsa = ca.workbook.worksheets.getItem(META_SHEET);
    wsa.getRangeByIndexes(3, 0, 1, 16384).insert('Down');
    wsa.getRangeByIndexes(3, 0, 1, 2).values = [['a', 'A']];
    await ca.sync();
    const cb = b.context();
    const wsb = cb.workbook.worksheets.getItem(META_SHEET);
    wsb.getRangeByIndexes(3, 0, 1, 16384).insert('Down');
    wsb.getRangeByIndexes(3, 0, 1, 2).values = [['b', 'B']];
    await cb.sync();
    // Both write the cell below the inserted rows: the later writer's value stands.
    const ca2 = a.context();
    ca2.workbook.worksheets.getItem(META_SHEET).getRangeByIndexes(0, 1, 1, 1).values = [['first']];
    await ca2.sync();
    const cb2 = b.context();
    cb2.workbook.worksheets.getItem(META_SHEET).getRangeByIndexes(0, 1, 1, 1).values = [['second']];
    await cb2.sync();
    room.merge();
    const cells = room.workbook.sheet(META_SHEET).cells;
    expect([cells['3,0']?.value, cells['4,0']?.value]).toEqual(['a', 'b']);
    expect(cells['0,1']?.value).toBe('second');
  });
});

/** A person deletes whole rows (the fake Excel's Range.delete: the tool's surface has none). */
function deleteRows(ctx: ReturnType<Coauthor['context']>, sheet: string, at: number, rows = 1): void {
  const ws = ctx.workbook.worksheets.getItem(sheet) as unknown as { getRangeByIndexes(r: number, c: number, rows: number, cols: number): { delete(shift: string): void } };
  ws.getRangeByIndexes(at, 0, rows, 16384).delete('Up');
}

describe('the merge model: deleted rows (issue 18)', () => {
  it('a row one deletes is gone with the other’s edit in it; rows below move up, and the other’s edits and inserts below land on the moved rows', async () => {
    const fake = await summarised();
    const room = new CoauthorRoom(fake.state);
    const a = room.join('A');
    const b = room.join('B');
    const ca = a.context();
    deleteRows(ca, META_SHEET, 3);
    await ca.sync();
    const cb = b.context();
    const wsb = cb.workbook.worksheets.getItem(META_SHEET);
    wsb.getRangeByIndexes(3, 0, 1, 2).values = [['in the deleted row', 'x']];
    wsb.getRangeByIndexes(5, 0, 1, 2).values = [['below it', 'y']];
    wsb.getRangeByIndexes(7, 0, 1, 16384).insert('Down');
    wsb.getRangeByIndexes(7, 0, 1, 2).values = [['inserted below', 'z']];
    await cb.sync();
    const row4 = fake.state.sheets.find((s) => s.name === META_SHEET)!.cells['4,0']?.value;
    room.merge();
    const cells = room.workbook.sheet(META_SHEET).cells;
    const values = Object.values(cells).map((c) => c.value);
    expect(values).not.toContain('in the deleted row');
    expect(cells['4,0']?.value).toBe('below it');
    expect(cells['6,0']?.value).toBe('inserted below');
    // The row that was below the deleted one is now in its place.
    expect(cells['3,0']?.value).toBe(row4);
  });

  it('rows one inserts just above a row the other deletes survive, in that row’s place', async () => {
    const fake = await summarised();
    const room = new CoauthorRoom(fake.state);
    const a = room.join('A');
    const b = room.join('B');
    const ca = a.context();
    deleteRows(ca, META_SHEET, 2, 2);
    await ca.sync();
    const cb = b.context();
    const wsb = cb.workbook.worksheets.getItem(META_SHEET);
    wsb.getRangeByIndexes(3, 0, 1, 16384).insert('Down');
    wsb.getRangeByIndexes(3, 0, 1, 2).values = [['kept', 'k']];
    await cb.sync();
    const row4 = fake.state.sheets.find((s) => s.name === META_SHEET)!.cells['4,0']?.value;
    room.merge();
    const cells = room.workbook.sheet(META_SHEET).cells;
    expect(cells['2,0']?.value).toBe('kept');
    expect(cells['3,0']?.value).toBe(row4);
  });

  it('a protected sheet refuses a row delete (the tool protects the summary without allowing it)', async () => {
    const fake = await summarised();
    const ctx = fake.context();
    deleteRows(ctx, '评审汇总', 3);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('rows deleted in 评分记录 while an expert scores (issue 18)', () => {
  it('张三 deletes a 评分记录 row while 李四 enters a score: 李四’s score and its 评分记录 row are kept; the deleted row is gone', async () => {
    const fake = await summarised();
    // Two entries already in 评分记录 (rows 1 and 2).
    for (const [who, criterion] of [['张三', '1'], ['王五', '2']] as const) {
      const v = await readScoring(fake.context({ author: who }), rb, ALL);
      if (typeof v === 'string') throw new Error(v);
      await enterScore(fake.context({ author: who }), v, rb, 'zh-CN', ALL, { expert: who, item: { kind: 'score', criterion }, value: 10, lastSeen: null, time: TIME });
    }
    const room = new CoauthorRoom(fake.state);
    const zhang = room.join('张三');
    const li = room.join('李四');
    const cz = zhang.context();
    deleteRows(cz, '评分记录', 1);
    await cz.sync();
    const v = await view(li);
    expect((await score(li, v, '1', 15)).kind).toBe('written');
    room.merge();
    const rows = Object.entries(room.workbook.sheet('评分记录').cells).filter(([k]) => k.endsWith(',0')).length;
    // The header, 王五's row and 李四's: 张三's deleted row is gone.
    expect(rows).toBe(3);
    const seen = await view(room.join('赵六'));
    expect(seen.state.experts.find((x) => x.name === '李四')?.values.get('1')).toBe('15');
    expect(seen.state.experts.find((x) => x.name === '王五')?.values.get('2')).toBe('10');
    expect(recordOf(room.workbook).damaged).toBe(false);
  });
});

describe('写入评审汇总 while an expert scores', () => {
  it('a score 李四 types while 王五 rewrites the summary is kept, and 评分记录 agrees with the sheet', async () => {
    const fake = await summarised();
    const room = new CoauthorRoom(fake.state);
    const li = room.join('李四');
    const wang = room.join('王五');
    const v = await view(li);
    expect((await score(li, v, '1', 18)).kind).toBe('written');
    await writeSummary(session(wang), { experts: EXPERTS });
    room.merge();
    const wb = room.workbook;
    const col = v.layout.experts.find((x) => x.name === '李四')!.col;
    expect(wb.cell(v.sheet, v.layout.criteriaRows['1']!, col)?.value).toBe(18);
    expect(recordOf(wb).damaged).toBe(false);
    const after = room.join('张三');
    const seen = await view(after);
    expect(seen.state.experts.find((x) => x.name === '李四')?.values.get('1')).toBe('18');
    expect(wb.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
  });
});

describe('the record under a merge', () => {
  it('两人同时写记录: 王五’s column survives the merge, the summary stays trusted, the next summary is the same sheet', async () => {
    const fake = await summarised();
    const room = new CoauthorRoom(fake.state);
    const zhang = room.join('张三');
    const wang = room.join('王五');
    // Each in its own copy; the check's batch is the later one.
    await writeSummary(session(wang), { experts: [...EXPERTS, '赵六'] });
    const checked = await checkWorkbook(session(zhang));
    expect(checked.flagged).toBeGreaterThan(0);
    room.merge();
    const rec = recordOf(room.workbook);
    expect(rec.damaged).toBe(false);
    expect(rec.meta?.review?.summary?.experts.map((e) => e.name)).toEqual([...EXPERTS, '赵六']);
    expect(rec.meta?.review?.flags).toHaveLength(checked.flagged);
    const next = room.join('李四');
    const v = await readScoring(next.context(), rb, ALL);
    expect(typeof v).not.toBe('string');
    const again = await writeSummary(session(next));
    expect(again.sheet).toBe('评审汇总');
    room.merge();
    expect(room.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
  });
});

/** What the Excel the experts work in can do (as the pane decides it). */
interface Kit {
  caps: Capabilities;
  scoring: ScoringCaps;
}
const FULL: Kit = { caps: FULL_CAPABILITIES, scoring: ALL };

/** What one expert does, and how the merged workbook shows it was kept. */
interface Action {
  name: string;
  run(c: Coauthor, k: Kit): Promise<unknown>;
  kept(room: CoauthorRoom, who: string, v: ScoringView): void;
}

const ACTIONS: Action[] = [
  {
    name: 'score',
    run: async (c, k) => expect((await score(c, await view(c, k.scoring), c.author === '李四' ? '1' : '2', 15, k.scoring)).kind).toBe('written'),
    kept: (_room, who, v) => expect(v.state.experts.find((x) => x.name === who)?.values.get(who === '李四' ? '1' : '2')).toBe('15'),
  },
  {
    name: 'note',
    run: async (c, k) =>
      expect((await enterScore(c.context(), await view(c, k.scoring), rb, 'zh-CN', k.scoring, { expert: c.author, item: { kind: 'note', criterion: '1' }, value: `${c.author}：产值需核实`, lastSeen: '', time: TIME })).kind).toBe('written'),
    kept: (_room, who, v) => expect(v.state.experts.find((x) => x.name === who)?.values.get('note:1')).toBe(`${who}：产值需核实`),
  },
  {
    name: '专家意见',
    run: async (c, k) =>
      expect((await enterScore(c.context(), await view(c, k.scoring), rb, 'zh-CN', k.scoring, { expert: c.author, item: { kind: 'opinion' }, value: `${c.author}：建议认定`, lastSeen: '', time: TIME })).kind).toBe('written'),
    kept: (_room, who, v) => expect(v.state.experts.find((x) => x.name === who)?.values.get('opinion')).toBe(`${who}：建议认定`),
  },
  {
    name: '讨论',
    run: async (c, k) => discuss(c.context(), await view(c, k.scoring), '4', c.author, `${c.author}：请核对研发投入`),
    kept: (room, who) => expect(room.state.comments.some((t) => [t.content, ...(t.replies ?? []).map((r) => r.content)].some((x) => x.includes(`${who}：请核对研发投入`)))).toBe(true),
  },
  { name: 'write summary', run: (c, k) => writeSummary(session(c, k.caps)), kept: () => undefined },
  { name: 'check', run: (c, k) => checkWorkbook(session(c, k.caps)), kept: () => undefined },
  { name: 'clear', run: (c, k) => clearFlags(session(c, k.caps)), kept: () => undefined },
];

describe('every pair of actions by two experts at once, merged', () => {
  let base: FakeState;
  const pairs = ACTIONS.flatMap((a, i) => ACTIONS.slice(i).map((b) => [a, b] as const));
  it.each(pairs.map(([a, b]) => [a.name, b.name, a, b] as const))('李四 %s, 王五 %s: nothing lost, trusted, one summary', async (_x, _y, a, b) => {
    if (!base) {
      const fake = await summarised();
      await checkWorkbook({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });
      base = structuredClone(fake.state);
    }
    const room = new CoauthorRoom(base);
    const li = room.join('李四');
    const wang = room.join('王五');
    await Promise.all([a.run(li, FULL), b.run(wang, FULL)]);
    // The tool never deletes a row (its surface has no delete): nothing of anyone's in a row can go that way.
    expect([...li.inserts, ...wang.inserts].filter((op) => op.kind === 'delete')).toEqual([]);
    room.merge();
    expect(recordOf(room.workbook).damaged).toBe(false);
    const v = await readScoring(room.join('张三').context(), rb, ALL);
    if (typeof v === 'string') throw new Error(`the merged summary reads as ${v}`);
    a.kept(room, '李四', v);
    b.kept(room, '王五', v);
    expect(room.state.sheets.map((s) => s.name).filter((n) => /\(\d+\)$/.test(n))).toEqual([]);
    // The flags the record lists are the ones on the sheet (a check and a clear at once: whichever is recorded is true).
    const rec = recordOf(room.workbook).meta!.review!;
    for (const f of rec.flags) if (f.placed) expect(room.workbook.at(f.cell)?.fill, f.cell).toBe(f.placed.fill);
  });
});

describe('a record block lost to a merge', () => {
  it('two first records at once (two record sheets after the merge): the reader takes both, the next write keeps both and retires the other sheet', async () => {
    const fake = fakeFromExcelJS(await load(await writeExample(dir, '02-failing', {}, `l-${Math.random().toString(36).slice(2)}.xlsx`)));
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== META_SHEET);
    const room = new CoauthorRoom(fake.state);
    const zhang = room.join('张三');
    const wang = room.join('王五');
    const checked = await checkWorkbook(session(zhang));
    await writeSummary(session(wang), { experts: EXPERTS });
    room.merge();
    expect(room.state.sheets.filter((s) => s.name.startsWith(META_SHEET))).toHaveLength(2);
    const li = room.join('李四');
    const v = await readScoring(li.context(), rb, ALL);
    expect(typeof v).not.toBe('string');
    const again = await writeSummary(session(li));
    expect(again.sheet).toBe('评审汇总');
    room.merge();
    const rec = recordOf(room.workbook);
    expect(rec.meta?.review?.summary?.experts.map((e) => e.name)).toEqual(EXPERTS);
    expect(rec.meta?.review?.flags).toHaveLength(checked.flagged);
    expect(room.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
    // The stray record sheet is retired: its block is in the record now.
    expect(room.state.sheets.filter((s) => s.name.startsWith(META_SHEET)).map((s) => s.name)).toEqual([META_SHEET]);
  });
});

describe('a co-author’s structural change between the read and the write', () => {
  it('two first entries at once where 评分记录 does not exist yet: the second finds the sheet added, reads again once, and both rows are kept', async () => {
    const fake = await summarised();
    // A summary written before 评分记录 came with it.
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== '评分记录');
    const a = await readScoring(fake.context({ author: '李四' }), rb, ALL);
    const b = await readScoring(fake.context({ author: '王五' }), rb, ALL);
    if (typeof a === 'string' || typeof b === 'string') throw new Error('no view');
    const note = (v: ScoringView, who: string) =>
      enterScore(fake.context({ author: who }), v, rb, 'zh-CN', ALL, { expert: who, item: { kind: 'note', criterion: '1' }, value: `${who}：请核实`, lastSeen: '', time: TIME });
    const [ra, rb2] = await Promise.all([note(a, '李四'), note(b, '王五')]);
    expect([ra.kind, rb2.kind]).toEqual(['written', 'written']);
    expect(fake.state.sheets.filter((s) => s.name.startsWith('评分记录'))).toHaveLength(1);
    const v = await readScoring(fake.context(), rb, ALL);
    if (typeof v === 'string') throw new Error(v);
    expect(v.state.experts.find((x) => x.name === '李四')?.values.get('note:1')).toBe('李四：请核实');
    expect(v.state.experts.find((x) => x.name === '王五')?.values.get('note:1')).toBe('王五：请核实');
  });
});

describe('the pairs in every Excel the fake stands for', () => {
  const hosts = Object.values(FAKE_HOSTS).filter((h) => h !== FAKE_HOSTS.current);
  it.each(hosts.map((h) => [h.name, h] as const))('%s: each pair of actions at once keeps both people’s work', async (_n, host) => {
    const fake = await summarised();
    fake.host = host;
    const { caps, scoring } = await hostCaps(fake);
    const kit: Kit = { caps, scoring };
    await checkWorkbook({ ctx: fake.context(), rb, lang: 'zh-CN', caps });
    const base = structuredClone(fake.state);
    // 讨论 only where this Excel has threads (the pane does not offer it elsewhere).
    const actions = ACTIONS.filter((a) => a.name !== '讨论' || scoring.threads);
    for (const [i, a] of actions.entries())
      for (const b of actions.slice(i)) {
        const room = new CoauthorRoom(base, host);
        const li = room.join('李四');
        const wang = room.join('王五');
        await Promise.all([a.run(li, kit), b.run(wang, kit)]);
        expect([...li.inserts, ...wang.inserts].filter((op) => op.kind === 'delete')).toEqual([]);
        room.merge();
        const what = `${a.name} × ${b.name}`;
        expect(recordOf(room.workbook).damaged, what).toBe(false);
        const v = await readScoring(room.join('张三').context(), rb, scoring);
        if (typeof v === 'string') throw new Error(`${what}: the merged summary reads as ${v}`);
        a.kept(room, '李四', v);
        b.kept(room, '王五', v);
        expect(room.state.sheets.map((s) => s.name).filter((n) => /\(\d+\)$/.test(n)), what).toEqual([]);
      }
  }, 300_000); // every pair of seven actions (28) in each Excel: seconds of CPU per host, minutes on a busy machine
});

describe('two first summaries at once (issue 18): one 评审汇总, both experts’ work in it', () => {
  // `checked`: a check came first, so the record sheet is there (the summary's record then rides in the batch that
  // adds the sheet); without it, the record sheet comes in the summary's next batch.
  const unsummarised = async (checked = true): Promise<FakeWorkbook> => {
    const fake = fakeFromExcelJS(await load(await writeExample(dir, '02-failing', {}, `f-${Math.random().toString(36).slice(2)}.xlsx`)));
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== META_SHEET);
    if (checked) await checkWorkbook({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });
    return fake;
  };
  const summaries = (names: readonly string[]) => names.filter((n) => n.startsWith('评审汇总'));

  it('the second finds the sheet added (ItemAlreadyExists) before the first has finished it: it waits for it and updates it in place', async () => {
    const fake = await unsummarised(false);
    // The order made certain: 王五 reads before 李四 adds the sheet; 王五's add comes after it (ItemAlreadyExists);
    // 李四's next batch (the rest of the summary, its record) is held until 王五 has read the workbook again — that
    // read sees a 评审汇总 the record does not describe yet.
    const gate = () => {
      let open: () => void = () => undefined;
      const p = new Promise<void>((ok) => (open = ok));
      return { p, open };
    };
    const wangRead = gate();
    const liAdded = gate();
    const wangReread = gate();
    let raced = false;
    const as = (who: string): Session => {
      const ctx = fake.context({ author: who });
      const sync = ctx.sync.bind(ctx);
      let n = 0;
      let after = 0;
      ctx.sync = async () => {
        n++;
        if (who === '李四' && n === 3) await wangRead.p;
        if (who === '李四' && n === 4) await wangReread.p;
        if (who === '王五' && n === 3) await liAdded.p;
        try {
          await sync();
        } catch (e) {
          if (who === '王五' && (e as { code?: string }).code === 'ItemAlreadyExists') raced = true;
          throw e;
        } finally {
          if (who === '李四' && n === 3) liAdded.open();
          if (who === '王五' && n === 2) wangRead.open();
        }
        if (who === '王五' && raced && ++after === 2) wangReread.open();
      };
      return { ctx, rb, lang: 'zh-CN', caps: FULL_CAPABILITIES };
    };
    const [a, b] = await Promise.all([writeSummary(as('李四'), { experts: ['张三', '李四'] }), writeSummary(as('王五'), { experts: ['王五'] })]);
    expect(raced).toBe(true);
    expect([a.sheet, b.sheet]).toEqual(['评审汇总', '评审汇总']);
    expect(summaries(fake.state.sheets.map((s) => s.name))).toEqual(['评审汇总']);
    const rec = recordOf(fake);
    expect(rec.damaged).toBe(false);
    expect(rec.meta?.review?.summary?.experts.map((e) => e.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    const v = await readScoring(fake.context(), rb, ALL);
    if (typeof v === 'string') throw new Error(`the summary reads as ${v}`);
    expect(v.layout.experts.map((e) => e.name).sort()).toEqual(['张三', '李四', '王五'].sort());
  });

  it('the second reads after the first’s summary batch and before its next: it finds a summary the tool wrote and updates it in place', async () => {
    const fake = await unsummarised();
    let n = 0;
    let release: () => void = () => undefined;
    const released = new Promise<void>((ok) => (release = ok));
    let added: () => void = () => undefined;
    const isAdded = new Promise<void>((ok) => (added = ok));
    const li: Session = { ctx: fake.context({ author: '李四' }), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES };
    const sync = li.ctx.sync.bind(li.ctx);
    // 李四's batches after the one that adds the sheet wait until 王五 has done all his work.
    li.ctx.sync = async () => {
      if (fake.state.sheets.some((x) => x.name === '评审汇总') && ++n === 1) {
        added();
        await released;
      }
      return sync();
    };
    const first = writeSummary(li, { experts: ['张三', '李四'] });
    await isAdded;
    const b = await writeSummary({ ctx: fake.context({ author: '王五' }), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: ['王五'] });
    release();
    const a = await first;
    expect([a.sheet, b.sheet]).toEqual(['评审汇总', '评审汇总']);
    expect(summaries(fake.state.sheets.map((x) => x.name))).toEqual(['评审汇总']);
    const rec = recordOf(fake);
    expect(rec.damaged).toBe(false);
    expect(rec.meta?.review?.summary?.experts.map((e) => e.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    expect(rec.meta?.review?.summary?.sheetId).toBe(fake.state.sheets.find((x) => x.name === '评审汇总')!.id);
  });

  it('the first never finishes: the second waits a few seconds, writes nothing and says another expert is writing it', async () => {
    const fake = await unsummarised(false);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      // 王五 reads, then 李四 adds the sheet, then 王五's add meets it; 李四's summary stops there (his Excel closed,
      // his network gone): its record never comes.
      let hold: () => void = () => undefined;
      let wangRead: () => void = () => undefined;
      let liAdded: () => void = () => undefined;
      const wangHasRead = new Promise<void>((ok) => (wangRead = ok));
      const liHasAdded = new Promise<void>((ok) => (liAdded = ok));
      const as = (who: string): Session => {
        const ctx = fake.context({ author: who });
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        ctx.sync = async () => {
          n++;
          if (who === '李四' && n === 3) await wangHasRead;
          if (who === '李四' && n === 4) await new Promise<void>((ok) => (hold = ok));
          if (who === '王五' && n === 3) await liHasAdded;
          try {
            await sync();
          } finally {
            if (who === '李四' && n === 3) liAdded();
            if (who === '王五' && n === 2) wangRead();
          }
        };
        return { ctx, rb, lang: 'zh-CN', caps: FULL_CAPABILITIES };
      };
      const first = writeSummary(as('李四'), { experts: ['李四'] });
      const second = writeSummary(as('王五'), { experts: ['王五'] }).then(
        () => null,
        (e: unknown) => e,
      );
      await vi.advanceTimersByTimeAsync(10_000);
      const e = await second;
      expect(e).toMatchObject({ name: 'OfficeError', code: 'summary-busy', params: { sheet: '评审汇总' } });
      expect(errorNotice(e, 'zh-CN')).toMatchObject({ intent: 'warning', text: '另一位专家正在写入“评审汇总”，尚未完成；本次未作任何更改。请稍候再点“写入评审汇总”。' });
      expect(summaries(fake.state.sheets.map((x) => x.name))).toEqual(['评审汇总']);
      hold();
      await first;
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * Two experts each writing the first 评审汇总 on their own copy of a fresh workbook (its record removed; checked
 * first or not), then merged: the room and both co-authors.
 */
async function firstSummariesAtOnce(tag: string, checked: boolean, li: string[], wang: string[]): Promise<{ room: CoauthorRoom; li: Coauthor; wang: Coauthor }> {
  const fake = fakeFromExcelJS(await load(await writeExample(dir, '02-failing', {}, `${tag}-${Math.random().toString(36).slice(2)}.xlsx`)));
  fake.state.sheets = fake.state.sheets.filter((s) => s.name !== META_SHEET);
  if (checked) await checkWorkbook({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });
  const room = new CoauthorRoom(fake.state);
  const a = room.join('李四');
  const b = room.join('王五');
  await Promise.all([writeSummary(session(a), { experts: li }), writeSummary(session(b), { experts: wang })]);
  return { room, li: a, wang: b };
}

/** The summary as a third expert's pane reads it after the merge (a string is the reason it could not). */
async function readByThird(room: CoauthorRoom): Promise<ScoringView> {
  const v = await readScoring(room.join('赵六').context(), rb, ALL);
  if (typeof v === 'string') throw new Error(`the summary reads as ${v}`);
  return v;
}

describe('two first summaries at once, each on its own copy, merged (issue 18): the duplicate is folded back', () => {
  // Each adds 评审汇总 on its own copy (no ItemAlreadyExists: neither sees the other); Excel's merge keeps both sheets
  // and renames the later "评审汇总 (2)". The next 写入评审汇总 of either recognises the tool's own duplicate (its
  // record says the tool wrote it, for this application) and folds it back.
  const summaryNames = (room: CoauthorRoom) => room.state.sheets.map((s) => s.name).filter((n) => n.startsWith('评审汇总'));
  const experts = (room: CoauthorRoom) => recordOf(room.workbook).meta?.review?.summary?.experts.map((e) => e.name).sort();

  it.each([
    ['after a check', true],
    ['as the very first action of both', false],
  ] as const)('%s: nobody typed in the duplicate — it is removed, one 评审汇总 with every expert of both', async (_n, checked) => {
    const { room, wang } = await firstSummariesAtOnce('d', checked, ['张三', '李四'], ['王五']);
    room.merge();
    // The merge model keeps both, as Excel does.
    expect(summaryNames(room)).toEqual(['评审汇总', '评审汇总 (2)']);
    // The next action of either.
    const again = await writeSummary(session(wang));
    room.merge();
    const other = ['评审汇总', '评审汇总 (2)'].find((n) => n !== again.sheet);
    expect(summaryNames(room)).toEqual([again.sheet]);
    expect(again.warnings.map((w) => w.code)).not.toContain('prior-review-content');
    expect(again.warnings).toContainEqual({ code: 'summary-duplicate-removed', params: { sheet: other, into: again.sheet } });
    expect(recordOf(room.workbook).damaged).toBe(false);
    expect(experts(room)).toEqual(['张三', '李四', '王五'].sort());
    const v = await readByThird(room);
    expect(v.layout.experts.map((e) => e.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    expect(room.state.sheets.filter((s) => s.name.startsWith(META_SHEET)).map((s) => s.name)).toEqual([META_SHEET]);
  });

  it.each([
    ['after a check', true],
    ['as the very first action of both', false],
  ] as const)('%s: both scored in their own summary before the merge — every score in the one summary; the sheet typed in is kept and said', async (_n, checked) => {
    const { room, li, wang } = await firstSummariesAtOnce('d', checked, ['张三', '李四'], ['王五']);
    expect((await score(li, await view(li), '1', 15)).kind).toBe('written');
    expect((await enterScore(li.context(), await view(li), rb, 'zh-CN', ALL, { expert: '李四', item: { kind: 'opinion' }, value: '李四：建议认定', lastSeen: '', time: TIME })).kind).toBe('written');
    expect((await score(wang, await view(wang), '2', 12)).kind).toBe('written');
    room.merge();
    expect(summaryNames(room)).toEqual(['评审汇总', '评审汇总 (2)']);
    const again = await writeSummary(session(li));
    room.merge();
    // Never a sheet someone typed in deleted: the duplicate stays, and the expert is told which and why.
    const kept = summaryNames(room).filter((n) => n !== again.sheet);
    expect(kept).toHaveLength(1);
    expect(again.warnings).toContainEqual({ code: 'summary-duplicate-kept', params: { sheet: kept[0], into: again.sheet } });
    expect(experts(room)).toEqual(['张三', '李四', '王五'].sort());
    const v = await readByThird(room);
    expect(v.sheet).toBe(again.sheet);
    expect(v.state.experts.find((x) => x.name === '李四')?.values.get('1')).toBe('15');
    expect(v.state.experts.find((x) => x.name === '李四')?.values.get('opinion')).toBe('李四：建议认定');
    expect(v.state.experts.find((x) => x.name === '王五')?.values.get('2')).toBe('12');
  });
});

describe('a duplicate summary met by another action first (issue 18)', () => {
  it('a check after the merge says the duplicate is the tool’s and keeps it listed; the next 写入评审汇总 folds it back', async () => {
    const { room, li, wang } = await firstSummariesAtOnce('c', false, ['李四'], ['王五']);
    room.merge();
    const checked = await checkWorkbook(session(li));
    expect(checked.warnings).toContainEqual({ code: 'summary-duplicate', params: { sheet: '评审汇总 (2)' } });
    expect(checked.warnings.map((w) => w.code)).not.toContain('prior-review-content');
    room.merge();
    const again = await writeSummary(session(wang));
    room.merge();
    expect(room.state.sheets.map((s) => s.name).filter((n) => n.startsWith('评审汇总'))).toEqual([again.sheet]);
    expect(recordOf(room.workbook).meta?.review?.summary?.experts.map((e) => e.name).sort()).toEqual(['李四', '王五'].sort());
    expect(recordOf(room.workbook).meta?.review?.duplicates).toBeUndefined();
  });

  it('a note a person left on the duplicate’s score cell: carried, and the sheet kept', async () => {
    const { room, li } = await firstSummariesAtOnce('n', false, ['李四'], ['王五']);
    room.merge();
    // A person's note (Excel's, not the pane's) on 王五's score cell of the duplicate (the second copy's: its record
    // is on the record sheet the merge renamed).
    const dup = recordOf(room.workbook, `${META_SHEET} (2)`).meta!.review!.summary!;
    const name = room.state.sheets.find((s) => s.id === dup.sheetId)!.name;
    expect(name).toBe('评审汇总 (2)');
    const cell = `${name}!${String.fromCharCode(65 + dup.experts[0]!.col)}${dup.criteriaRows['1']! + 1}`;
    room.state.notes[cell] = '王五：此项待核实';
    for (const c of room.copies) c.reset(room.state);
    const again = await writeSummary(session(li));
    room.merge();
    expect(again.warnings).toContainEqual({ code: 'summary-duplicate-kept', params: { sheet: name, into: again.sheet } });
    expect(room.state.sheets.some((s) => s.name === name)).toBe(true);
    const layout = recordOf(room.workbook).meta!.review!.summary!;
    const col = layout.experts.find((e) => e.name === '王五')!.col;
    expect(room.state.notes[`${again.sheet}!${String.fromCharCode(65 + col)}${layout.criteriaRows['1']! + 1}`]).toBe('王五：此项待核实');
  });
});
