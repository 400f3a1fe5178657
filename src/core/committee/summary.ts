/**
 * The committee as a reviewed copy's 评审汇总 holds it: its expert inputs (PreservedInputs) into the round's
 * ScoreEntries, the tally's annotations into the summary's 专家意见 block, and the `committee` section of
 * `check --json` (docs/REPORT.md "The committee section"). The CLI and the pane use these same functions, so the
 * figures a summary shows, the JSON and the round agree.
 */
import type { Report } from '../report/json.js';
import type { CellValue } from '../report/sheet-model.js';
import { clonePreserved, type PreservedInputs } from '../report/summary.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Lang } from '../types.js';
import type { EntrySource, Round, RoundApplication, ScoreEntry } from './records.js';
import { problemText } from './rollup.js';
import { tally, type ExpertResult, type RoundProblem } from './tally.js';

const isYes = (v: CellValue | undefined): boolean => typeof v === 'string' && v.trim() === '是';
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** An expert's notes on the criteria as one cell of the 专家意见 block: "A1：…" per line, in the rulebook's order. */
export function notesText(notes: Readonly<Record<string, string>>, rb: LoadedRulebook): string {
  return rb.data.criteria.flatMap((c) => (notes[c.id]?.trim() ? [`${c.id}：${notes[c.id]!.trim()}`] : [])).join('\n');
}

/** The notes cell read back: lines "A1：…" (or "A1: …") by criterion; any other text under "" (kept, not lost). */
export function parseNotesText(value: CellValue, rb: LoadedRulebook): Record<string, string> {
  const out: Record<string, string> = {};
  const ids = new Set(rb.data.criteria.map((c) => c.id));
  const other: string[] = [];
  for (const line of text(value).split('\n')) {
    if (!line.trim()) continue;
    const m = /^\s*([^：:\s]+)\s*[：:]\s*(.*)$/u.exec(line);
    if (m && ids.has(m[1]!)) out[m[1]!] = out[m[1]!] ? `${out[m[1]!]}\n${m[2]!}` : m[2]!;
    else other.push(line.trim());
  }
  if (other.length) out[''] = other.join('\n');
  return out;
}

/**
 * A summary's expert inputs as the round's entries: scores as typed, 回避 with its reason. Blank cells say nothing.
 * `cell` names where each came from (the adapter knows the layout); notes and opinions are included on request
 * (the tally takes annotations from the score sheets, so a copy's block, written from them, is not read back).
 */
export function preservedEntries(
  p: PreservedInputs,
  application: string,
  fingerprint: string | undefined,
  source: Omit<EntrySource, 'cell'>,
  opts: { cell?: (kind: 'score' | 'recusal', expert: string, criterion?: string) => string | undefined; annotations?: LoadedRulebook } = {},
): ScoreEntry[] {
  const out: ScoreEntry[] = [];
  const src = (kind: 'score' | 'recusal', expert: string, criterion?: string): EntrySource => {
    const cell = opts.cell?.(kind, expert, criterion);
    return cell ? { ...source, cell } : { ...source };
  };
  const fp = fingerprint === undefined ? {} : { fingerprint };
  for (const name of p.experts) {
    if (isYes(p.conflicts.get(name))) out.push({ expert: name, application, kind: 'recusal', value: true, reason: text(p.reasons?.get(name)), ...fp, source: src('recusal', name) });
    for (const [crit, v] of p.scores.get(name) ?? new Map<string, CellValue>()) {
      if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
      out.push({ expert: name, application, kind: 'score', criterion: crit, value: v as string | number | boolean, ...fp, source: src('score', name, crit) });
    }
    if (opts.annotations) {
      for (const [crit, note] of Object.entries(parseNotesText(p.expertNotes?.get(name) ?? null, opts.annotations)))
        if (crit) out.push({ expert: name, application, kind: 'note', criterion: crit, value: note, ...fp, source: { ...source } });
      const opinion = text(p.opinions?.get(name));
      if (opinion) out.push({ expert: name, application, kind: 'opinion', value: opinion, ...fp, source: { ...source } });
    }
  }
  return out;
}

/**
 * The tally's annotations and marks for one application written into a summary's expert inputs: scores typed where
 * the tally has them, 回避 with its reason, signatures where none was given, and the 专家意见 block (notes and
 * opinion) from the score sheets. Everything else the summary holds is kept. Returns a new set of inputs.
 */
export function withTallyInputs(before: PreservedInputs, experts: readonly ExpertResult[], rb: LoadedRulebook, problems: readonly RoundProblem[] = []): PreservedInputs {
  // A copy: the inputs read are left as they were.
  const p = clonePreserved(before);
  for (const x of experts) {
    if (!p.experts.includes(x.name)) p.experts.push(x.name);
    const own = p.scores.get(x.name) ?? new Map<string, CellValue>();
    for (const [crit, v] of Object.entries(x.scores)) if (v !== null) own.set(crit, v);
    // A score the tally could not use (not a number, out of range) is written as the expert typed it where the summary
    // has nothing: the copy shows it (its formulas do not count it, and a check reports it), never a silent blank.
    for (const q of problems)
      if ((q.code === 'not-a-number' || q.code === 'out-of-range') && q.expert === x.name && q.criterion && q.value !== undefined && q.value !== '' && x.scores[q.criterion] == null) {
        const had = own.get(q.criterion);
        // An out-of-range score is a number (the tally read it as one): written as that number, so the copy and the
        // score sheet say the same to the next tally ("-1" as text would not read as −1 and would look like a conflict).
        const typed = q.code === 'out-of-range' && Number.isFinite(Number(q.value)) ? Number(q.value) : q.value;
        if (had === undefined || had === null || (typeof had === 'string' && had.trim() === '')) own.set(q.criterion, typed);
      }
    p.scores.set(x.name, own);
    if (x.conflicted) {
      p.conflicts.set(x.name, '是');
      if (x.reason && !text(p.reasons!.get(x.name))) p.reasons!.set(x.name, x.reason);
    }
    if (x.signature && !text(p.signatures.get(x.name))) p.signatures.set(x.name, x.signature);
    const notes = notesText(x.notes, rb);
    if (notes) p.expertNotes!.set(x.name, notes);
    if (x.opinion) p.opinions!.set(x.name, x.opinion);
  }
  return p;
}

/**
 * `check --json`'s committee section: the summary's experts and the committee's figures by the rulebook's rule,
 * computed by the same tally as the round (one application, its summary the only source), and the committee's
 * decision as typed.
 */
export function committeeJson(p: PreservedInputs, report: Report, rb: LoadedRulebook, lang: Lang, file: string) {
  const app: RoundApplication = {
    id: file,
    file,
    cluster: report.cluster.name ?? '',
    province: report.cluster.province ?? '',
    county: report.cluster.county ?? '',
    verdict: report.verdict,
    reasons: [],
    fingerprint: '',
  };
  const round: Round = {
    format: 'cluster-review/round@1',
    id: 'summary',
    year: report.cluster.applicationYear ?? null,
    rulebook: { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint },
    experts: [...p.experts],
    conflicts: [],
    applications: [app],
  };
  const entries = preservedEntries(p, app.id, undefined, { kind: 'summary', file }, { annotations: rb });
  const result = tally(round, entries, [], rb, { time: '' });
  const r = result.applications[0]!;
  const s = rb.data.scoring;
  return {
    rule: { combine: s.combine, trimmedMinimum: s.trimmedMinimum, minimumExperts: s.minimumExperts, cut: s.recommendation.minMeanTotal },
    experts: r.experts.map((x) => ({
      name: x.name,
      conflicted: x.conflicted,
      reason: x.reason,
      scores: x.scores,
      notes: x.notes,
      opinion: x.opinion,
      total: x.total,
      signature: text(p.signatures.get(x.name)),
    })),
    n: r.n,
    score: r.score,
    mean: r.mean,
    median: r.median,
    spread: r.spread,
    criteria: r.criteria,
    toDiscuss: r.toDiscuss,
    recommendation: r.recommendation,
    reason: r.reason,
    decision: { decision: text(p.decision), rationale: text(p.rationale), date: text(p.date) },
    changes: p.changes ?? [],
    // Problems of the summary's own inputs (not a number, out of range, scored while recused); an expert who has
    // entered nothing yet is not one here.
    problems: result.problems.filter((x) => x.code !== 'missing-expert').map((x) => ({ ...x, message: problemText(x, lang) })),
  };
}
