/**
 * The committee's tally: one pure function from the round, every score entry however it came in, and the previous
 * tally's audit trail, to the committee's figures, the ranked recommendation list, the problems and the audit
 * rows of what changed. The rules (docs/REPORT.md "The round") in the order they apply:
 *
 * 1. Each value is normalised once (normaliseScore: the same reading as the sheets' formulas).
 * 2. Entries of experts outside the committee and of applications outside the round are listed and dropped.
 * 3. Entries of a recused expert (declared in the conflicts, or marked 回避 by the expert) are dropped; a score
 *    among them is listed (`recused-scored`). Entries scored against other data (fingerprint) are `stale`.
 * 4. Per (expert, application, criterion): equal values from several sources are one; different values are a
 *    `conflict` and the application stays pending — unless `preferNewer`, when the newer file wins and says so.
 * 5. A value that is not a number, or outside 0…weight, is listed and not used.
 * 6. Per application: each expert's total when every criterion is scored; the committee score is the rulebook's
 *    rule (mean, trimmed mean, median) over those totals; per criterion the same rule, median, spread, 待讨论.
 * 7. Recommendation: not-eligible (duplicate, or verdict neither passed nor incomplete) → pending (data incomplete:
 *    待补充材料; conflicts; stale; too few experts; the one `reason` is the first of these in that order, `pending`
 *    lists them all) → below-cut (the decimal score under the cut line, as the sheets' formulas decide) → ranked by
 *    score (ties share a rank) → recommended within the quota, beyond-quota after; a tie across the quota line is
 *    pending (`tie`) and flagged, never broken.
 * 8. Audit: a row for each value that changed since the previous tally (old → new), none for the rest: a value
 *    now also found in another file (a reviewed copy the tally updated) is no change, and a value is removed only
 *    when no source holds it any more.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import { combine, exactScore, median } from '../scoring.js';
import { nearlyEqual } from '../numbers.js';
import { normaliseScore } from '../sheet/score.js';
import type { AuditOutcome, AuditRow, Round, ScoreEntry } from './records.js';
import { PENDING_ORDER, type ApplicationResult, type CriterionResult, type CurrentValue, type ExpertResult, type PendingReason, type RecommendationCode, type RoundProblem, type TallyOptions, type TallyResult } from './tally-result.js';

// The tally's result types (./tally-result.ts) are part of this module's surface.
export * from './tally-result.js';

const KEY = '\u0000';

/** The audit item of a change to the committee itself (an expert renamed or removed in a reviewed copy). */
export const EXPERT_ITEM = 'expert';

const valueText = (v: ScoreEntry['value']): string => (v === null ? '' : String(v));

/** Combined score by the rulebook's rule: the one function the summary's figures use too (src/core/scoring.ts). */
export { combine };

/** Equal for ranking: scores are sums of typed decimals, so compare after rounding away float noise. */
const rankKey = (x: number) => Math.round(x * 1e6);

export function tally(round: Round, entries: readonly ScoreEntry[], previousAudit: readonly AuditRow[], rb: LoadedRulebook, opts: TallyOptions): TallyResult {
  const { scoring, criteria } = rb.data;
  const committee = new Set(round.experts);
  const apps = new Map(round.applications.map((a) => [a.id, a]));
  const problems: RoundProblem[] = [];
  const problemOnce = new Set<string>();
  const listOnce = (key: string, p: RoundProblem) => {
    if (problemOnce.has(key)) return;
    problemOnce.add(key);
    problems.push(p);
  };
  const current: CurrentValue[] = [];
  const weight = new Map(criteria.map((c) => [c.id, c.weight]));
  const titles = new Map(criteria.map((c) => [c.id, c.title]));

  // Recusals: declared, or marked by the expert in a sheet.
  const recused = new Map<string, string>();
  for (const c of round.conflicts) recused.set(`${c.expert}${KEY}${c.application}`, c.reason);
  const usable: ScoreEntry[] = [];
  const seenExperts = new Set<string>();
  for (const e of entries) {
    if (!committee.has(e.expert)) {
      listOnce(`ue${KEY}${e.expert}${KEY}${e.source.file}`, { code: 'unknown-expert', expert: e.expert, sources: [{ value: '', file: e.source.file }] });
      continue;
    }
    if (!apps.has(e.application)) {
      listOnce(`ua${KEY}${e.application}${KEY}${e.source.file}`, { code: 'unknown-application', application: e.application, expert: e.expert, sources: [{ value: '', file: e.source.file }] });
      continue;
    }
    // A returned sheet says something: a blank sheet sent back is not a return.
    if (e.kind === 'recusal' ? e.value === true || e.value === '是' : normaliseScore(e.value).kind !== 'blank') seenExperts.add(e.expert);
    if (e.kind === 'recusal') {
      const yes = e.value === true || (typeof e.value === 'string' && e.value.trim() === '是');
      const key = `${e.expert}${KEY}${e.application}`;
      if (yes && !recused.has(key)) recused.set(key, e.reason ?? '');
      continue;
    }
    usable.push(e);
  }

  // Group by (expert, application, kind, criterion).
  const groups = new Map<string, ScoreEntry[]>();
  for (const e of usable) {
    const k = [e.expert, e.application, e.kind, e.criterion ?? ''].join(KEY);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }

  interface Cell {
    score: Map<string, number>;
    notes: Record<string, string>;
    opinion: string;
    signature: string;
    date: string;
    returned: boolean;
    conflict: boolean;
    stale: boolean;
  }
  const cells = new Map<string, Cell>();
  const cellOf = (expert: string, app: string): Cell => {
    const k = `${expert}${KEY}${app}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { score: new Map(), notes: {}, opinion: '', signature: '', date: '', returned: false, conflict: false, stale: false }));
    return c;
  };
  const record = (e: ScoreEntry, item: string, value: string, outcome: AuditOutcome) =>
    current.push({
      expert: e.expert,
      application: e.application,
      item,
      value,
      source: e.source.file,
      cell: e.source.cell ?? '',
      sha256: e.source.sha256 ?? '',
      fileTime: e.source.time ?? '',
      outcome,
      change: null,
    });

  for (const group of groups.values()) {
    const first = group[0]!;
    const { expert, application, kind } = first;
    const app = apps.get(application)!;
    const item = kind === 'score' ? first.criterion! : kind === 'note' ? `note:${first.criterion}` : kind;
    const filled = group.filter((e) => normaliseScore(e.value).kind !== 'blank');
    if (!filled.length) continue;
    // Returned means something was given (as `notReturned` counts it): a blank sheet sent back is not a return.
    const cell = cellOf(expert, application);
    cell.returned = true;
    const recusal = recused.get(`${expert}${KEY}${application}`);
    if (recusal !== undefined) {
      if (kind === 'score') listOnce(`rs${KEY}${expert}${KEY}${application}`, { code: 'recused-scored', expert, application, sources: filled.map((e) => ({ value: valueText(e.value), file: e.source.file, ...(e.source.cell ? { cell: e.source.cell } : {}) })) });
      for (const e of filled) record(e, item, valueText(e.value), 'recused');
      continue;
    }
    const fresh = filled.filter((e) => e.fingerprint === undefined || e.fingerprint === app.fingerprint || !!app.earlier?.includes(e.fingerprint));
    for (const e of filled.filter((x) => !fresh.includes(x))) {
      record(e, item, valueText(e.value), 'stale');
      if (kind === 'score') {
        cell.stale = true;
        listOnce(`st${KEY}${expert}${KEY}${application}${KEY}${e.source.file}`, { code: 'stale', expert, application, sources: [{ value: '', file: e.source.file }] });
      }
    }
    if (!fresh.length) continue;
    if (kind !== 'score') {
      // Texts: every distinct one is kept, in source order; two wordings are not a conflict of figures.
      const text = [...new Set(fresh.map((e) => valueText(e.value).trim()))].join(' / ');
      // Signatures and dates belong to the whole sheet: shown in 评审意见, not repeated per application in the trail.
      if (kind === 'note' || kind === 'opinion') for (const e of fresh) record(e, item, valueText(e.value), 'used');
      if (kind === 'note') cell.notes[first.criterion!] = text;
      else if (kind === 'opinion') cell.opinion = text;
      else if (kind === 'signature') cell.signature = text;
      else if (kind === 'date') cell.date = text;
      continue;
    }
    const crit = first.criterion!;
    const keyOf = (e: ScoreEntry) => {
      const n = normaliseScore(e.value);
      return n.kind === 'number' ? `n:${n.value}` : `t:${valueText(e.value)}`;
    };
    const distinct = [...new Set(fresh.map(keyOf))];
    let chosen = fresh[0]!;
    if (distinct.length > 1) {
      const sources = fresh.map((e) => ({ value: valueText(e.value), file: e.source.file, ...(e.source.cell ? { cell: e.source.cell } : {}) }));
      const times = fresh.map((e) => e.source.time ?? '');
      const newest = [...times].sort().at(-1)!;
      const newer = fresh.filter((e) => (e.source.time ?? '') === newest);
      if (opts.preferNewer && newest && new Set(newer.map(keyOf)).size === 1) {
        chosen = newer[0]!;
        problems.push({ code: 'conflict', expert, application, criterion: crit, sources, resolved: 'newer-file' });
        for (const e of fresh) record(e, crit, valueText(e.value), e === chosen ? 'newer-file' : 'conflict');
      } else {
        problems.push({ code: 'conflict', expert, application, criterion: crit, sources });
        cell.conflict = true;
        for (const e of fresh) record(e, crit, valueText(e.value), 'conflict');
        continue;
      }
    }
    const n = normaliseScore(chosen.value);
    const w = weight.get(crit);
    if (n.kind !== 'number') {
      problems.push({ code: 'not-a-number', expert, application, criterion: crit, value: valueText(chosen.value), ...(w !== undefined ? { max: w } : {}) });
      record(chosen, crit, valueText(chosen.value), 'not-a-number');
      continue;
    }
    if (w === undefined || n.value < 0 || n.value > w) {
      problems.push({ code: 'out-of-range', expert, application, criterion: crit, value: String(n.value), ...(w !== undefined ? { max: w } : {}) });
      record(chosen, crit, valueText(chosen.value), 'out-of-range');
      continue;
    }
    if (distinct.length === 1) for (const e of fresh) record(e, crit, String(n.value), 'used');
    cell.score.set(crit, n.value);
  }

  for (const p of problems) {
    if (p.application && apps.has(p.application)) p.cluster = apps.get(p.application)!.cluster || p.application;
    const title = p.criterion === undefined ? undefined : titles.get(p.criterion);
    if (title) p.criterionTitle = { zh: title.zh, en: title.en };
  }
  const notReturned = round.experts.filter((x) => !seenExperts.has(x));
  for (const x of notReturned) problems.push({ code: 'missing-expert', expert: x });

  // Duplicates: the same indicator data submitted twice; the first in the round's order is counted.
  const firstWith = new Map<string, string>();
  const duplicateOf = new Map<string, string>();
  for (const a of round.applications) {
    const f = firstWith.get(a.fingerprint);
    if (f === undefined) firstWith.set(a.fingerprint, a.id);
    else {
      duplicateOf.set(a.id, f);
      problems.push({ code: 'duplicate', application: a.id, duplicateOf: f, cluster: a.cluster || a.id });
    }
  }

  const rule = scoring.combine;
  const cut = scoring.recommendation.minMeanTotal;
  const results: ApplicationResult[] = round.applications.map((app) => {
    const experts: ExpertResult[] = round.experts.map((name) => {
      const c = cells.get(`${name}${KEY}${app.id}`);
      const reason = recused.get(`${name}${KEY}${app.id}`);
      const scores = Object.fromEntries(criteria.map((cr) => [cr.id, c?.score.get(cr.id) ?? null]));
      const complete = reason === undefined && criteria.every((cr) => scores[cr.id] !== null);
      return {
        name,
        conflicted: reason !== undefined,
        reason: reason ?? null,
        returned: !!c?.returned,
        scores,
        notes: c?.notes ?? {},
        opinion: c?.opinion ?? '',
        total: complete ? exactScore(criteria.reduce((a, cr) => a + scores[cr.id]!, 0)) : null,
        signature: c?.signature ?? '',
        date: c?.date ?? '',
      };
    });
    const counted = experts.filter((x) => !x.conflicted);
    const crits: CriterionResult[] = criteria.map((cr) => {
      const xs = counted.flatMap((x) => (x.scores[cr.id] === null ? [] : [x.scores[cr.id]!]));
      const spread = xs.length ? exactScore(Math.max(...xs) - Math.min(...xs)) : null;
      const limit = scoring.spreadShare * cr.weight;
      return {
        id: cr.id,
        weight: cr.weight,
        n: xs.length,
        score: combine(xs, rule, scoring.trimmedMinimum),
        mean: combine(xs, 'mean', 0),
        median: median(xs),
        spread,
        toDiscuss: spread !== null && spread > limit && !nearlyEqual(spread, limit),
      };
    });
    const totals = counted.flatMap((x) => (x.total === null ? [] : [x.total]));
    const why = new Set<PendingReason>();
    // Data incomplete (数据不全): the county sends the missing material, then the application is scored (待补充材料).
    if (app.verdict === 'incomplete' && scoring.recommendation.verdict === 'passed') why.add('incomplete');
    if (counted.some((x) => cells.get(`${x.name}${KEY}${app.id}`)?.conflict)) why.add('conflict');
    if (counted.some((x) => cells.get(`${x.name}${KEY}${app.id}`)?.stale)) why.add('stale');
    if (totals.length < scoring.minimumExperts) why.add('experts');
    const pending: PendingReason[] = PENDING_ORDER.filter((p) => why.has(p));
    const dup = duplicateOf.get(app.id) ?? null;
    const score = combine(totals, rule, scoring.trimmedMinimum);
    let recommendation: RecommendationCode;
    let reason: string | null = null;
    if (dup !== null) [recommendation, reason] = ['not-eligible', 'duplicate'];
    else if (app.verdict !== scoring.recommendation.verdict && !why.has('incomplete')) [recommendation, reason] = ['not-eligible', app.verdict];
    else if (pending.length || score === null) {
      if (!pending.length) pending.push('experts');
      [recommendation, reason] = ['pending', pending[0]!];
    }
    // The decimal score against the cut line, as the sheets' formulas compare it (ROUND(…)>=cut): no tolerance.
    else if (score < cut) recommendation = 'below-cut';
    else recommendation = 'recommended';
    return {
      application: app,
      duplicateOf: dup,
      experts,
      criteria: crits,
      n: totals.length,
      score,
      mean: combine(totals, 'mean', 0),
      median: median(totals),
      spread: totals.length ? exactScore(Math.max(...totals) - Math.min(...totals)) : null,
      toDiscuss: crits.filter((c) => c.toDiscuss).map((c) => c.id),
      rank: null,
      tie: false,
      recommendation,
      reason,
      pending,
      decision: opts.decisions?.[app.id] ?? null,
    };
  });

  // Rank the eligible, scored, above the cut: competition ranking (1, 1, 3), ties flagged.
  const byName = (a: ApplicationResult, b: ApplicationResult) => a.application.cluster.localeCompare(b.application.cluster) || a.application.id.localeCompare(b.application.id);
  const ranked = results.filter((r) => r.recommendation === 'recommended').sort((a, b) => rankKey(b.score!) - rankKey(a.score!) || byName(a, b));
  const quota = opts.quota ?? scoring.recommendations ?? null;
  for (let i = 0; i < ranked.length; ) {
    let j = i;
    while (j + 1 < ranked.length && rankKey(ranked[j + 1]!.score!) === rankKey(ranked[i]!.score!)) j++;
    const rank = i + 1;
    for (let k = i; k <= j; k++) {
      const r = ranked[k]!;
      r.rank = rank;
      r.tie = j > i;
      if (quota === null || j + 1 <= quota) r.recommendation = 'recommended';
      else if (i + 1 > quota) r.recommendation = 'beyond-quota';
      else {
        // The tie straddles the quota line: the committee decides, the tool does not.
        r.recommendation = 'pending';
        r.pending = ['tie'];
        r.reason = 'tie';
        problems.push({ code: 'tie', application: r.application.id, cluster: r.application.cluster || r.application.id });
      }
    }
    i = j + 1;
  }
  const order: RecommendationCode[] = ['recommended', 'pending', 'beyond-quota', 'below-cut', 'not-eligible'];
  const ordered = [
    ...ranked,
    ...results
      .filter((r) => r.rank === null)
      .sort((a, b) => order.indexOf(a.recommendation) - order.indexOf(b.recommendation) || (b.score ?? -1) - (a.score ?? -1) || byName(a, b)),
  ];
  // Ranked rows keep their rank order; a tie at the line stays among them (pending, flagged).
  let lineAfter: number | null = null;
  ordered.forEach((r, i) => {
    if (r.recommendation === 'recommended') lineAfter = i;
  });

  // The record reads in the round's order: application, then expert as listed, then criterion.
  const appIdx = new Map(round.applications.map((a, i) => [a.id, i]));
  const expIdx = new Map(round.experts.map((x, i) => [x, i]));
  const itemIdx = (item: string) => {
    const i = criteria.findIndex((c) => c.id === item.replace(/^note:/, ''));
    return (i < 0 ? criteria.length : i) * 2 + (item.startsWith('note:') ? 1 : 0);
  };
  current.sort((a, b) => appIdx.get(a.application)! - appIdx.get(b.application)! || expIdx.get(a.expert)! - expIdx.get(b.expert)! || itemIdx(a.item) - itemIdx(b.item) || a.source.localeCompare(b.source));

  // Audit: compare every current value with the last the previous trail recorded, by value (expert, application,
  // item): a file that now repeats a value the item already had (a reviewed copy the tally wrote it into) is no
  // change, and a value is removed only when no file holds it any more.
  const itemKey = (r: Pick<AuditRow, 'expert' | 'application' | 'item'>) => [r.expert, r.application, r.item].join(KEY);
  const sourceKey = (r: Pick<AuditRow, 'expert' | 'application' | 'item' | 'source'>) => `${itemKey(r)}${KEY}${r.source}`;
  const state = (value: string, outcome: AuditOutcome) => `${value}${KEY}${outcome}`;
  const last = new Map<string, AuditRow>();
  // Committee changes (item "expert") are events, not values: never "removed" because a later tally does not see them.
  for (const row of previousAudit) if (row.item !== EXPERT_ITEM) last.set(sourceKey(row), row);
  const had = new Map<string, Set<string>>();
  for (const row of last.values()) if (row.new !== null) had.set(itemKey(row), (had.get(itemKey(row)) ?? new Set()).add(state(row.new, row.outcome)));
  const changes: AuditRow[] = [];
  const now = new Set<string>();
  const held = new Set<string>();
  for (const c of current) {
    now.add(sourceKey(c));
    held.add(itemKey(c));
    const before = last.get(sourceKey(c));
    if (before && before.new === c.value && before.outcome === c.outcome) continue;
    if (!before && had.get(itemKey(c))?.has(state(c.value, c.outcome))) continue;
    c.change = { old: before ? before.new : null };
    changes.push({ time: opts.time, expert: c.expert, application: c.application, item: c.item, old: before ? before.new : null, new: c.value, source: c.source, sha256: c.sha256, fileTime: c.fileTime, outcome: c.outcome });
  }
  for (const [k, row] of last) {
    if (now.has(k) || row.new === null || held.has(itemKey(row))) continue;
    changes.push({ ...row, time: opts.time, old: row.new, new: null, outcome: 'removed' });
  }

  const eventKey = (r: Pick<AuditRow, 'expert' | 'application' | 'source' | 'fileTime' | 'outcome' | 'new'>) => [r.expert, r.application, r.source, r.fileTime, r.outcome, r.new ?? ''].join(KEY);
  const seenEvents = new Set(previousAudit.filter((r) => r.item === EXPERT_ITEM).map(eventKey));
  for (const c of opts.expertChanges ?? []) {
    if (!apps.has(c.application)) continue;
    const row: AuditRow = {
      time: opts.time,
      expert: c.expert,
      application: c.application,
      item: EXPERT_ITEM,
      old: c.expert,
      new: c.kind === 'remove' ? null : (c.to ?? null),
      source: c.file,
      sha256: '',
      fileTime: c.time,
      outcome: c.kind === 'remove' ? 'removed' : 'renamed',
    };
    if (seenEvents.has(eventKey(row))) continue;
    seenEvents.add(eventKey(row));
    changes.push(row);
  }

  return { round, applications: ordered, problems, audit: [...previousAudit, ...changes], changes, notReturned, quota, lineAfter, current };
}
