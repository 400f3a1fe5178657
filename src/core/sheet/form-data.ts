/**
 * The application form's data beyond the indicator sheet — the name lists, the plan's targets, the index of
 * supporting documents — as one plain value for the data fingerprints: the workbook record's (what was first
 * checked; ../workflow/read.ts) and the committee's (what an expert scored; ../committee/records.ts). Editing any
 * of them after a first check or after scoring is a change of the data the verdict and the scores rest on.
 *
 * `cells: true` keeps where each value lies (the record's fingerprint is of the inputs the reader used, cell by
 * cell); `cells: false` keeps values only, in a stable order (the committee's is of what was read: moving a row
 * or sorting a list keeps it). A sheet the workbook lacks is `null`, an empty one is empty: adding the sheet is a
 * change too.
 */
import type { FormLists, ListInput } from './lists.js';
import type { EvidenceInput, PlanInput } from './plan.js';

type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

const sorted = (rows: Plain[][]): Plain[][] => rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));

function list(l: ListInput, cells: boolean): Plain {
  // What was typed and not understood (a malformed year, say) is in the problems' `found`: a change there is a change too.
  const entries = l.entries.map((e): Plain[] => [...(cells ? [e.row] : []), e.name, e.code, e.level, e.year]);
  const found = l.problems.flatMap((p): Plain[][] => (typeof p.params.found === 'string' ? [[...(cells ? [p.cell] : []), p.code, p.params.found]] : []));
  return { entries: cells ? entries : sorted(entries), found: cells ? found : sorted(found) };
}

function plan(p: PlanInput, cells: boolean): Plain {
  const rows = [...p.rows.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([code, r]): Plain[] => [
      code,
      ...(cells ? [r.row] : []),
      [...r.targets.entries()].sort((a, b) => a[0] - b[0]).map(([y, c]): Plain[] => [y, ...(cells ? [c.cell] : []), c.state, c.value ?? null, c.found ?? null]),
    ]);
  return { years: p.years.map((y) => (cells ? [y.year, y.cell] : y.year)), rows };
}

function evidence(e: EvidenceInput, cells: boolean): Plain {
  const entries = e.entries.map((x): Plain[] => [...(cells ? [x.row] : []), x.name, x.codes, x.page]);
  return { header: e.headerFound, entries: cells ? entries : sorted(entries) };
}

/** The lists, plan and evidence as read (null: not read at all, a lone indicator sheet). */
export function formData(lists: FormLists | null | undefined, opts: { cells: boolean }): Plain {
  if (!lists) return null;
  const byId = [...lists.lists.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, l]): Plain[] => [id, l ? list(l, opts.cells) : null]);
  return {
    lists: byId,
    plan: lists.plan === undefined ? 'n/a' : lists.plan === null ? null : plan(lists.plan, opts.cells),
    evidence: lists.evidence === undefined ? 'n/a' : lists.evidence === null ? null : evidence(lists.evidence, opts.cells),
  };
}
