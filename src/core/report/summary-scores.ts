/**
 * 二、of the summary 评审汇总: the criteria with their automated results, one score column per expert, the
 * committee's mean, median, spread and 待讨论 as live formulas over hidden helper columns (each score as the tool
 * reads it), the total and 回避 rows, and the committee score and recommendation by the rulebook's rule.
 */
import { columnLetters, toA1 } from '../address.js';
import { scoreCounted, scoreFormula } from '../sheet/score.js';
import { combineFormula, exactFormula, scoreOf, type CommitteeResult, type ExpertScores } from '../scoring.js';
import { t, tAny, type TextKey } from '../text/index.js';
import { rowsRecord } from './meta.js';
import type { StyleKey } from './sheet-model.js';
import { inputKey, noteOf, plain, type FigureKind, type PreservedInputs } from './summary-inputs.js';
import { CRITERIA, EXPERT_WIDTH, header, MAX_REASONS, section, YES_NO, type Ctx } from './summary-layout.js';

export interface CriteriaRows {
  criteriaRows: Record<string, number>;
  totalRow: number;
  conflictRow: number;
  reasonRow: number;
}

/**
 * 二、the criteria with automated results, one score column per expert, the committee's mean, median, spread
 * and 待讨论 as live formulas, the total row and the 回避 row.
 */
export function criteriaSection(ctx: Ctx, experts: string[], preserved: PreservedInputs | null, scores: ExpertScores[], committee: CommitteeResult): CriteriaRows {
  const { b, rb, report, lang, cols } = ctx;
  section(ctx, 'summary.criteriaSection');
  // A recused expert's column is greyed, top to bottom (still open to typing: the mark may be withdrawn).
  const recused = (e: number) => !!scores[e]?.conflicted;
  const inputStyle = (e: number): StyleKey => (recused(e) ? 'locked' : 'input');
  const headerRow = header(ctx, [
    [CRITERIA.no, ctx.w('summary.colNo')],
    [CRITERIA.criterion, ctx.w('summary.colCriterion')],
    [CRITERIA.weight, ctx.w('summary.colWeight')],
    [CRITERIA.auto, ctx.w('summary.colAuto')],
    [CRITERIA.reasons, ctx.w('summary.colReasons')],
    ...experts.map((name, e) => [cols.expert(e), name] as [number, string]),
    [cols.mean, ctx.w('summary.colMean')],
    [cols.median, ctx.w('summary.colMedian')],
    [cols.spread, ctx.w('summary.colSpread')],
    [cols.discuss, ctx.w('summary.colDiscuss')],
  ]);
  for (const c of b.cells) if (c.row === headerRow && c.col >= cols.expert(0) && c.col < cols.mean && recused(c.col - cols.expert(0))) c.style = 'locked';
  const firstCritRow = b.row;
  const nCrit = rb.data.criteria.length;
  const totalRow = firstCritRow + nCrit;
  const conflictRow = totalRow + 1;
  const reasonRow = conflictRow + 1;
  const spreadShare = rb.data.scoring.spreadShare;
  const discussWord = ctx.w('summary.discussWord');
  // One hidden helper column per expert holds the score when it counts (a number, expert not 回避), else "":
  // then plain MEDIAN/MAX/MIN compute the committee figures in every Excel, WPS and LibreOffice with no array
  // formula (Office.js cannot enter one, and Excel 2019 would evaluate one entered plainly wrong).
  const helperRange = (row: number) => `${toA1(row, cols.helper(0))}:${toA1(row, cols.helper(experts.length - 1))}`;
  const committeeCells = (row: number, weight: number, fig: CommitteeResult['total'], counted: Array<number | null>, criterion: string) => {
    const kept = (f: FigureKind) => noteOf(preserved, inputKey.figure(criterion, f));
    experts.forEach((_name, e) => {
      const score = toA1(row, cols.expert(e));
      const conflict = toA1(conflictRow, cols.expert(e));
      // The score as the tool reads it (full-width digits included, within 0…weight: scoreFormula), unless 回避.
      b.set(row, cols.helper(e), { formula: `IF(TRIM(${conflict})="是","",${scoreFormula(score, weight)})`, result: counted[e] ?? '', style: 'muted' });
    });
    const h = helperRange(row);
    const none = `COUNT(${h})=0`;
    b.set(row, cols.mean, { formula: `IF(${none},"",${exactFormula(`AVERAGE(${h})`)})`, result: fig.mean ?? '', numberFormat: '0.00', style: 'computed', ...kept('mean') });
    b.set(row, cols.median, { formula: `IF(${none},"",${exactFormula(`MEDIAN(${h})`)})`, result: fig.median ?? '', numberFormat: '0.00', style: 'computed', ...kept('median') });
    b.set(row, cols.spread, { formula: `IF(${none},"",${exactFormula(`MAX(${h})-MIN(${h})`)})`, result: fig.spread ?? '', numberFormat: '0.00', style: 'computed', ...kept('spread') });
    const limit = Math.round(spreadShare * weight * 1e9) / 1e9;
    const spread = toA1(row, cols.spread);
    b.set(row, cols.discuss, {
      formula: `IF(${spread}="","",IF(${spread}>${limit},"${discussWord}",""))`,
      result: fig.toDiscuss ? discussWord : '',
      style: 'computed',
      ...kept('discuss'),
    });
  };

  const resultStyle: Record<string, StyleKey> = { pass: 'status.pass', fail: 'status.fail', incomplete: 'status.missing', veto: 'status.veto' };
  const byKey = new Map(report.findings.map((f) => [f.key, f]));
  const rowOf: Array<[string, number]> = [];
  rb.data.criteria.forEach((cr, i) => {
    const row = b.next();
    rowOf.push([cr.id, row]);
    const g = report.criteria.find((x) => x.id === cr.id);
    const reasons = (g?.reasons ?? []).map((k) => byKey.get(k)!).filter((f) => f.status !== 'warn');
    const shown = reasons.slice(0, MAX_REASONS).map((f) => f.messages[lang]);
    if (reasons.length > MAX_REASONS) shown.push(ctx.w('summary.more', { n: reasons.length - MAX_REASONS }));
    b.set(row, CRITERIA.no, { value: cr.id, style: 'text' });
    b.set(row, CRITERIA.criterion, { value: ctx.pick(cr.title), style: 'wrap' });
    b.set(row, CRITERIA.weight, { value: cr.weight, style: 'computed' });
    b.set(row, CRITERIA.auto, { value: g ? g.resultText[lang] : '', style: g ? resultStyle[g.result]! : 'computed' });
    b.set(row, CRITERIA.reasons, { value: shown.join('\n'), style: 'wrap' });
    b.fit(row, shown.join('\n'), ctx.widths[CRITERIA.reasons]!);
    b.fit(row, ctx.pick(cr.title), ctx.widths[CRITERIA.criterion]!);
    experts.forEach((name, e) => {
      b.set(row, cols.expert(e), {
        value: plain(preserved?.scores.get(name)?.get(cr.id)),
        ...noteOf(preserved, inputKey.score(name, cr.id)),
        input: 'expert',
        style: inputStyle(e),
        numberFormat: '0.0',
        validation: { kind: 'decimal', min: 0, max: cr.weight, severity: 'warning', prompt: `0–${cr.weight}` },
      });
    });
    const counted = scores.map((x) => (x.conflicted ? null : scoreCounted(scoreOf(x, cr.id), cr.weight)));
    committeeCells(row, cr.weight, { ...committee.criteria[i]!, weight: cr.weight }, counted, cr.id);
  });

  // Totals: an expert's total counts only when every criterion is scored.
  b.next();
  b.set(totalRow, CRITERIA.criterion, { value: ctx.w('summary.total'), style: 'label' });
  b.set(totalRow, CRITERIA.weight, { value: committee.total.weight, style: 'computed' });
  experts.forEach((_name, e) => {
    // Over the expert's helper column: the scores as the tool reads them, so text digits count here too.
    const helper = columnLetters(cols.helper(e));
    const range = `${helper}${firstCritRow + 1}:${helper}${firstCritRow + nCrit}`;
    const total = committee.totals[e]?.total ?? null;
    // The expert's own total as the formula computes it: every criterion a number as the tool reads it.
    const own = rb.data.criteria.map((cr) => scoreCounted(scoreOf(scores[e]!, cr.id), cr.weight));
    const sum = own.every((v) => v !== null) ? own.reduce<number>((a, v) => a + v!, 0) : '';
    // A recused expert's total says so in words (live: marking 是 in the sheet shows it at once).
    const conflict = toA1(conflictRow, cols.expert(e));
    const words = ctx.w('summary.recusedExcluded');
    b.set(totalRow, cols.expert(e), {
      formula: `IF(TRIM(${conflict})="是","${words}",IF(COUNT(${range})=${nCrit},${exactFormula(`SUM(${range})`)},""))`,
      result: recused(e) ? words : (total ?? (typeof sum === 'number' && Number.isFinite(sum) ? sum : '')),
      numberFormat: '0.0',
      style: recused(e) ? 'locked' : 'computed',
    });
  });
  committeeCells(
    totalRow,
    committee.total.weight,
    committee.total,
    committee.totals.map((x) => x.total),
    '',
  );

  // Conflict-of-interest marks.
  b.next();
  b.set(conflictRow, CRITERIA.criterion, { value: ctx.w('summary.conflict'), style: 'label' });
  experts.forEach((name, e) =>
    b.set(conflictRow, cols.expert(e), { value: plain(preserved?.conflicts.get(name)), ...noteOf(preserved, inputKey.conflict(name)), input: 'expert', style: inputStyle(e), validation: { kind: 'list', values: YES_NO } }),
  );
  // The reason of each 回避, beside its mark: read back and kept like every expert cell.
  b.next();
  b.set(reasonRow, CRITERIA.criterion, { value: ctx.w('summary.conflictReason'), style: 'label' });
  experts.forEach((name, e) => {
    const reason = plain(preserved?.reasons?.get(name));
    b.set(reasonRow, cols.expert(e), { value: reason, ...noteOf(preserved, inputKey.reason(name)), input: 'expert', style: recused(e) ? 'locked' : 'input' });
    if (typeof reason === 'string') b.fit(reasonRow, reason, EXPERT_WIDTH);
  });
  return { criteriaRows: rowsRecord(rowOf), totalRow, conflictRow, reasonRow };
}

/**
 * The committee score and the recommendation by the rulebook's rule, as live formulas over the total row's hidden
 * helper columns (the experts' totals that count): the mean is the total's 平均分 itself; another rule (trimmed
 * mean, median) gets its own row 专家组评分 with `combineFormula`, the same combination the tally computes. Fewer
 * totals than the rulebook's minimum number of experts: 待定.
 */
export function recommendationRows(ctx: Ctx, totalRow: number, nExperts: number, committee: CommitteeResult): void {
  const { b, rb, report, lang, cols } = ctx;
  const scoring = rb.data.scoring;
  const rec = scoring.recommendation;
  const h = `${toA1(totalRow, cols.helper(0))}:${toA1(totalRow, cols.helper(nExperts - 1))}`;
  const rule = ctx.w(`summary.rule.${scoring.combine}` as TextKey);
  let scoreCell = toA1(totalRow, cols.mean);
  if (scoring.combine !== 'mean') {
    const row = b.next();
    const when = scoring.combine === 'trimmed-mean' ? ctx.w('summary.trimmedWhen', { n: scoring.trimmedMinimum }) : '';
    b.set(row, CRITERIA.criterion, { value: ctx.w('summary.committeeScore', { rule: `${rule}${when}` }), style: 'label' });
    b.set(row, CRITERIA.weight, { formula: `IF(COUNT(${h})=0,"",${combineFormula(h, scoring)})`, result: committee.score ?? '', numberFormat: '0.00', style: 'computed' });
    b.merge(row, CRITERIA.weight, row, CRITERIA.reasons);
    scoreCell = toA1(row, CRITERIA.weight);
  }
  const row = b.next();
  const experts = scoring.minimumExperts > 1 ? ctx.w('summary.minimumExperts', { n: scoring.minimumExperts }) : '';
  // The weights and cut line are the province's: unless the rulebook says the province set them, they are the tool's.
  const said = scoring.setByProvince ? '' : `${lang === 'zh-CN' ? '。' : '. '}${ctx.w('summary.scoresNote')}`;
  const ruleText = ctx.w('summary.recommendationRule', { rule, min: rec.minMeanTotal, experts }) + said;
  b.set(row, CRITERIA.criterion, { value: ruleText, style: 'label' });
  b.fit(row, ruleText, ctx.widths[CRITERIA.criterion]!);
  // What a summary can say on its own (its score, not the round's ranking and quota), in the list's words: it never
  // says 建议推荐 where the list says 超出推荐名额. Data incomplete: 待定（待补充材料）, as the list says.
  const yes = t('recommendation.recommended', lang);
  const no = t('recommendation.not-recommended', lang);
  const pending = t('recommendation.pending', lang);
  const notEligible = report.verdict === 'incomplete' ? t('committee.recommendation.pending', lang, { why: t('committee.why.incomplete', lang) }) : t('committee.recommendation.not-eligible', lang);
  // One expert minimum (the national default): pending exactly when there is no score, as before.
  const pendingWhen = scoring.minimumExperts > 1 ? `COUNT(${h})<${scoring.minimumExperts}` : `${scoreCell}=""`;
  b.set(row, CRITERIA.weight, {
    formula: report.verdict === rec.verdict ? `IF(${pendingWhen},"${pending}",IF(${scoreCell}>=${rec.minMeanTotal},"${yes}","${no}"))` : `"${notEligible}"`,
    result: report.verdict === rec.verdict ? tAny(`recommendation.${committee.recommendation}`, lang) : notEligible,
    style: 'computed',
  });
  b.merge(row, CRITERIA.weight, row, CRITERIA.reasons);
  b.next();
}
