/**
 * The data fingerprints cover the whole application form (issue 12): a plan target, an evidence row or a list row
 * edited after the first check is said as changed data, and after scoring makes the scores stale; unchanged data is
 * neither. Records and score sheets made before version 2 (indicators only) still match the same data.
 */
import { describe, expect, it } from 'vitest';
import {
  dataFingerprint as committeeFingerprint,
  dataFingerprintV1 as committeeFingerprintV1,
  examine,
  finishCheck,
  INDICATOR_SHEET,
  pickIndicatorSheet,
  planCheck,
  readLists,
  tally,
  type GridSnapshot,
  type Reading,
  type Round,
  type ScoreEntry,
  type WorkbookMeta,
} from '../../src/core/index.js';
import { dataFingerprint, dataFingerprintV1 } from '../../src/core/workflow/read.js';
import { rb } from '../support/review.js';
import { evidenceSheet, PASSING_EVIDENCE, planSheet } from '../support/plan.js';
import { buildSnapshot, passingValues, type Values } from '../support/sheet.js';

const CHANGED_TARGET = { targets: { '2.3': [20, 30, 40] } };

function reading(sheets: GridSnapshot[], values: Values = {}, meta: WorkbookMeta | null = null): Reading {
  const lists = readLists(sheets, rb);
  const snapshot = buildSnapshot(rb, { ...passingValues(), ...values });
  return { names: [INDICATOR_SHEET, ...sheets.map((s) => s.sheet)], meta, found: pickIndicatorSheet([snapshot], rb, lists), merges: null, summaryAt: null };
}

/** The record a first check writes. */
function firstCheck(r: Reading): WorkbookMeta {
  return finishCheck(r, planCheck(r, examine(r, rb)!, 'zh-CN', 'notes'), { cells: new Map() }, rb, 'zh-CN', { checkedAt: '2025-06-01 09:30' }).meta;
}

const changed = (r: Reading) => examine(r, rb)!.warnings.filter((w) => w.code === 'data-changed');

describe('the record’s fingerprint covers the plan, the evidence and the lists', () => {
  const base = () => [planSheet(rb), evidenceSheet()];

  it('unchanged: no warning', () => {
    const meta = firstCheck(reading(base()));
    expect(changed(reading(base(), {}, meta))).toEqual([]);
  });

  it('a plan target edited after the first check: data changed, with the first check’s time', () => {
    const meta = firstCheck(reading(base()));
    expect(changed(reading([planSheet(rb, CHANGED_TARGET), evidenceSheet()], {}, meta))).toEqual([{ code: 'data-changed', params: { checkedAt: '2025-06-01 09:30' } }]);
  });

  it('an evidence row edited, the plan sheet removed, or a list row added: data changed', () => {
    const meta = firstCheck(reading(base()));
    const rows = PASSING_EVIDENCE.map((r) => [...r] as [string, string, string]);
    rows[0] = [rows[0]![0], rows[0]![1], '第2页'];
    expect(changed(reading([planSheet(rb), evidenceSheet(rows)], {}, meta))).toHaveLength(1);
    expect(changed(reading([evidenceSheet()], {}, meta))).toHaveLength(1);
    const list = rb.data.lists![0]!;
    const listSheet: GridSnapshot = { sheet: list.sheet, cells: [[{ value: '名单' }], ['序号', '企业名称', '统一社会信用代码', '级别', '认定年份'].map((v) => ({ value: v })), [{ value: 1 }, { value: '甲公司' }, null, null, null]] };
    const withEmptyList = firstCheck(reading([...base(), { sheet: list.sheet, cells: listSheet.cells.slice(0, 2) }]));
    expect(changed(reading([...base(), { sheet: list.sheet, cells: listSheet.cells.slice(0, 2) }], {}, withEmptyList))).toEqual([]);
    expect(changed(reading([...base(), listSheet], {}, withEmptyList))).toHaveLength(1);
  });

  it('a record made before version 2 (its fingerprint is version 1) still matches the same data, and catches a changed figure', () => {
    const r = reading(base());
    const v1 = dataFingerprintV1(r.found!.review);
    expect(v1).not.toBe(dataFingerprint(r.found!.review));
    const old: WorkbookMeta = { ...firstCheck(r) };
    old.review = { ...old.review!, data: { sheet: INDICATOR_SHEET, sha256: v1, checkedAt: '2024-06-01' } };
    expect(changed(reading(base(), {}, old))).toEqual([]);
    expect(changed(reading(base(), { '2.3': [10, 12, 14] }, old))).toEqual([{ code: 'data-changed', params: { checkedAt: '2024-06-01' } }]);
    // What version 1 did not cover (the plan) it cannot vouch for: an old record says nothing of a changed target.
    expect(changed(reading([planSheet(rb, CHANGED_TARGET), evidenceSheet()], {}, old))).toEqual([]);
  });

  it('the first check’s record is kept: a re-check after an edit still compares with it', () => {
    const meta = firstCheck(reading(base()));
    const edited = reading([planSheet(rb, CHANGED_TARGET), evidenceSheet()], {}, meta);
    const again = firstCheck(edited);
    expect(again.review?.data).toEqual(meta.review?.data);
  });
});

describe('the committee’s fingerprint: a score against an edited plan is stale', () => {
  const CRITS = rb.data.criteria.map((c) => c.id);
  const EXPERTS = ['甲', '乙', '丙', '丁', '戊'];
  const review = (sheets: GridSnapshot[]) => reading(sheets).found!.review;
  const fp = (sheets: GridSnapshot[]) => committeeFingerprint(review(sheets).inputs, review(sheets).lists);
  const round = (sheets: GridSnapshot[]): Round => {
    const r = review(sheets);
    return {
      format: 'cluster-review/round@1',
      id: 'r1',
      year: 2025,
      rulebook: { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint },
      experts: EXPERTS,
      conflicts: [],
      applications: [{ id: 'a', file: 'a.xlsx', cluster: 'a', province: '', county: '', verdict: 'passed', reasons: [], fingerprint: committeeFingerprint(r.inputs, r.lists), earlier: [committeeFingerprintV1(r.inputs)] }],
    };
  };
  // Every expert scores every criterion its weight, against the fingerprint given.
  const scored = (fingerprint: string): ScoreEntry[] =>
    EXPERTS.flatMap((expert) =>
      rb.data.criteria.map((c, i): ScoreEntry => ({ expert, application: 'a', kind: 'score', criterion: CRITS[i]!, value: c.weight, fingerprint, source: { kind: 'scoresheet', file: `${expert}.xlsx`, cell: `S!A${i + 1}` } })),
    );
  const stale = (sheets: GridSnapshot[], fingerprint: string) => {
    const res = tally(round(sheets), scored(fingerprint), [], rb, { time: 't1' });
    return { problems: [...new Set(res.problems.map((p) => p.code))], pending: res.applications[0]!.pending };
  };
  const base = () => [planSheet(rb), evidenceSheet()];

  it('unchanged: not stale', () => {
    expect(stale(base(), fp(base()))).toEqual({ problems: [], pending: [] });
  });
  it('a plan target changed after scoring: stale', () => {
    expect(stale([planSheet(rb, CHANGED_TARGET), evidenceSheet()], fp(base()))).toEqual({ problems: ['stale'], pending: ['stale', 'experts'] });
    // Every expert's scores are set aside: none scored the plan as it now stands.
    expect(tally(round([planSheet(rb, CHANGED_TARGET), evidenceSheet()]), scored(fp(base())), [], rb, { time: 't1' }).applications[0]!.n).toBe(0);
  });
  it('an evidence row changed after scoring: stale; the same rows in another order: not', () => {
    const rows = PASSING_EVIDENCE.map((r) => [...r] as [string, string, string]);
    rows[7] = ['三年发展规划（修订）', '8.4', '附件8.pdf'];
    expect(stale([planSheet(rb), evidenceSheet(rows)], fp(base())).problems).toEqual(['stale']);
    expect(stale([planSheet(rb), evidenceSheet([...PASSING_EVIDENCE].reverse())], fp(base())).problems).toEqual([]);
  });
  it('a score sheet made before version 2 carries the indicators-only fingerprint: still fresh for the same data', () => {
    const old = committeeFingerprintV1(review(base()).inputs);
    expect(old).not.toBe(fp(base()));
    expect(stale(base(), old)).toEqual({ problems: [], pending: [] });
  });
});
