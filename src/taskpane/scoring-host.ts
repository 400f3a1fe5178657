/**
 * The host layer of the pane's scoring (host.ts does the same for check, summary, clear, template and stamp):
 * Excel through src/office/scoring.ts, WPS through src/wps/scoring.ts (in the WPS adapter, loaded only in WPS).
 * Imported only by the scoring panel, which loads after the first paint, so none of it is in the first download.
 */
import type { PaneEntry } from '../core/committee/pane.js';
import type { Lang, LoadedRulebook } from '../core/index.js';
import { insertScoreChart } from '../office/chart.js';
import * as office from '../office/scoring.js';
import type { EntryResult, OwnWrites, ScoringCaps, ScoringProblem, ScoringView, XChangedEvent } from '../office/scoring.js';
import { isWps, wpsAdapter, type PaneContext } from './host.js';

/** Scoring, in either host: the same view, the same entries, the same conflicts (src/core/committee/pane.ts decides). */
export async function readScoring(ctx: PaneContext, rb: LoadedRulebook, caps: ScoringCaps): Promise<ScoringView | ScoringProblem> {
  return isWps(ctx) ? (await wpsAdapter()).readScoring(ctx.wps, rb) : office.readScoring(ctx, rb, caps);
}

export async function enterScore(
  ctx: PaneContext,
  view: ScoringView,
  rb: LoadedRulebook,
  lang: Lang,
  caps: ScoringCaps,
  entry: PaneEntry,
  own?: OwnWrites,
): Promise<EntryResult> {
  return isWps(ctx) ? (await wpsAdapter()).enterScore(ctx.wps, view, rb, lang, entry) : office.enterScore(ctx, view, rb, lang, caps, entry, own);
}

/** "讨论" needs threaded comments, which WPS has not (its scoring caps say so, and the pane does not offer it there). */
export async function discuss(ctx: PaneContext, view: ScoringView, criterion: string, expert: string, text: string): Promise<'thread' | 'reply'> {
  if (isWps(ctx)) throw new Error('threaded comments are not available in WPS');
  return office.discuss(ctx, view, criterion, expert, text);
}

/** A native chart of the experts' totals on the summary (Excel only: the pane offers it where canInsertChart says so). */
export async function insertChart(ctx: PaneContext, view: ScoringView, rb: LoadedRulebook, lang: Lang): Promise<string> {
  if (isWps(ctx)) throw new Error('charts are inserted in Excel only');
  return insertScoreChart(ctx, view.layout, rb.data.criteria.reduce((a, c) => a + c.weight, 0), lang);
}

/** Change events where the host has them (Excel 1.7); WPS: none, the pane refreshes when asked. */
export async function watchScoring(
  ctx: PaneContext,
  view: ScoringView,
  caps: ScoringCaps,
  onChange: (e: XChangedEvent) => void,
  own?: OwnWrites,
): Promise<(() => Promise<void>) | null> {
  return isWps(ctx) ? null : office.watchScoring(ctx, view, caps, onChange, own);
}
