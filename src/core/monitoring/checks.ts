/**
 * Checks R1–R6 of section R (动态管理), each finding carrying the Art. 17 ground it would establish
 * (`params.ground`, 1–5). Boundaries as the contract writes them: the deadline day itself is on time; an actual
 * figure equal to its target meets it; the renewal year is the recognition (or last renewal) year plus the
 * rulebook's validity.
 */
import { finding, type Finding } from '../types.js';
import { CHANGES, deadlineFor, MONITORING_YEAR, type MonitoringForm } from './form.js';
import type { MonitoringInputs, MValue } from './read.js';

const ok = (v: MValue | undefined): v is MValue & { state: 'ok' } => v?.state === 'ok';
const cells = (...vs: Array<MValue | undefined>) => vs.flatMap((v) => (v ? [v.cell] : []));

/** The years of a recognition: the renewal year (validity expires) from the recognition or last passed renewal. */
export function validity(form: MonitoringForm, recognised: number, lastRenewal: number | null): { from: number; expires: number } {
  const from = lastRenewal !== null && lastRenewal > recognised ? lastRenewal : recognised;
  return { from, expires: from + form.base.data.settings.validityYears };
}

/**
 * What the province's own records say of a cluster (the roster of recognised clusters, `monitor --roster`): they
 * establish a ground where the form alone only suggests it.
 */
export interface MonitoringFacts {
  /** The recognition year (batch) the province recorded. */
  recognitionYear?: number;
  /** The year of the last renewal review passed, as recorded. */
  lastRenewal?: number;
  /** The renewal review was held and failed. */
  renewalFailed?: boolean;
}

/**
 * A day as the checks compare dates (YYYY-MM-DD, the calendar day where the adapter runs). The core has no clock:
 * an adapter passes its today through this, and the checks compare it with what the form says.
 */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Statuses by how a ground is known (Art. 17): `veto` — established (declared on the form, or in the province's
 * records: its receipt date, its roster): 建议撤销认定; `fail` — resting only on the cluster's own answer or year:
 * 存在撤销认定情形，待核实; `warn` — a reminder or a missed target: 需关注.
 */
export function runMonitoringChecks(form: MonitoringForm, inputs: MonitoringInputs, facts: MonitoringFacts = {}, today?: string): Finding[] {
  const out: Finding[] = [];
  const v = (code: string) => inputs.values.get(code);
  const year = inputs.year;
  const reportYear = year === null ? null : year + 1;

  // A year not yet begun cannot be reported on (a form "for 2099"): invalid, judged against the adapter's today.
  const future = today !== undefined && year !== null && year > Number(today.slice(0, 4));
  if (future)
    out.push(finding('m1-in-future', 'invalid', 'check', { check: 'R3', indicator: MONITORING_YEAR }, cells(v(MONITORING_YEAR)), { year, today }));

  // R1 — validity (ground 1): it applies only once the renewal window has closed (the year after validity
  // expires) or the renewal failed; in the renewal year, not yet applied for is a reminder. An impossible year is a
  // finding about the form (m1-in-future), never a ground: validity is not judged against a year that has not come.
  const r1 = v('R1');
  const r11 = v('R1.1');
  const r12 = v('R1.2');
  const known = facts.recognitionYear;
  if ((ok(r1) || known !== undefined) && reportYear !== null && !future) {
    const recognised = known ?? (r1!.value as number);
    const lastRenewal = facts.lastRenewal ?? (ok(r11) ? (r11.value as number) : null);
    const { from, expires } = validity(form, recognised, lastRenewal);
    const where = { check: 'R1', indicator: 'R1' };
    const params = { recognised, from, expires, reportYear, source: known !== undefined ? 'roster' : 'form' };
    // On the province's roster the ground is established; on the cluster's own year it is to be verified.
    const ground1 = known !== undefined ? 'veto' : 'fail';
    if (facts.renewalFailed) out.push(finding('r1-renewal-failed', 'veto', 'check', where, cells(r1), { ...params, ground: 1 }));
    else if (recognised > year!) out.push(finding('r1-after-monitoring-year', 'invalid', 'check', where, cells(r1, v(MONITORING_YEAR)), { recognised, year: year! }));
    else if (reportYear < expires) out.push(finding('r1-valid', 'pass', 'check', where, cells(r1), params));
    else if (reportYear > expires) out.push(finding('r1-expired', ground1, 'check', where, cells(r1, r11), { ...params, ground: 1 }));
    else if (!r12 || r12.state === 'blank')
      out.push(finding('missing-input', 'missing', 'input', { check: 'R1', indicator: 'R1.2' }, cells(r12), { renewalYear: expires }));
    else if (ok(r12) && r12.value === true) out.push(finding('r1-renewal-applied', 'pass', 'check', { ...where, indicator: 'R1.2' }, cells(r12), params));
    else if (ok(r12)) out.push(finding('r1-renewal-due', 'warn', 'check', { ...where, indicator: 'R1.2' }, cells(r12), params));
  }

  // R2 — false declaration or violations: veto (ground 2).
  const r2 = v('R2');
  if (ok(r2)) out.push(r2.value === true ? finding('r2-violation', 'veto', 'check', { check: 'R2', indicator: 'R2' }, cells(r2), { ground: 2 }) : finding('r2-none', 'pass', 'check', { check: 'R2', indicator: 'R2' }, cells(r2), {}));

  // R3 — submitted by the deadline (the day itself on time), and cooperation (ground 3).
  const r3 = v('R3');
  if (ok(r3) && year !== null) {
    const batch = known ?? (ok(r1) ? (r1.value as number) : null);
    const deadline = deadlineFor(form, year, batch);
    const date = r3.value as string;
    const where = { check: 'R3', indicator: 'R3' };
    // R3 is the date the province recorded receipt: late by it, the ground is established. A receipt dated before
    // the year it reports on has ended cannot be true (a form "for 2099" received in 2025): invalid, never on time.
    if (date <= `${year}-12-31`) out.push(finding('r3-before-year-end', 'invalid', 'check', where, cells(r3, v(MONITORING_YEAR)), { date, year }));
    // Nor can it be received after today: a receipt dated in the future is invalid, never on time.
    else if (today !== undefined && date > today) out.push(finding('r3-after-today', 'invalid', 'check', where, cells(r3), { date, today }));
    else out.push(date <= deadline ? finding('r3-on-time', 'pass', 'check', where, cells(r3), { date, deadline }) : finding('r3-late', 'veto', 'check', where, cells(r3), { date, deadline, ground: 3 }));
  }
  const r31 = v('R3.1');
  if (ok(r31))
    out.push(
      r31.value === true
        ? finding('r3-cooperating', 'pass', 'check', { check: 'R3', indicator: 'R3.1' }, cells(r31), {})
        : finding('r3-not-cooperating', 'fail', 'check', { check: 'R3', indicator: 'R3.1' }, cells(r31), { ground: 3 }),
    );

  // R4 — a major change not updated and filed in time (ground 4).
  for (const c of CHANGES) {
    const changed = v(c.changed);
    const filed = v(c.filed);
    if (!ok(changed)) continue;
    const where = { check: 'R4', indicator: c.changed };
    if (changed.value === false) out.push(finding('r4-unchanged', 'pass', 'check', where, cells(changed), { item: c.item }));
    else if (ok(filed) && filed.value === true) out.push(finding('r4-filed', 'pass', 'check', where, cells(changed, filed), { item: c.item }));
    else if (ok(filed)) out.push(finding('r4-not-filed', 'fail', 'check', { check: 'R4', indicator: c.filed }, cells(changed, filed), { item: c.item, ground: 4 }));
  }

  // R5 — D1–D9 in the monitoring year: veto (ground 5).
  const answered = form.negatives.map((code) => ({ code, value: v(code) })).filter((x) => ok(x.value));
  for (const { code, value } of answered)
    if (value!.value === true) out.push(finding('r5-event', 'veto', 'check', { check: 'R5', indicator: code }, cells(value), { ground: 5 }));
  if (answered.length === form.negatives.length && answered.every((x) => x.value!.value === false))
    out.push(finding('r5-none', 'pass', 'check', { check: 'R5' }, [], {}));

  // R6 — each plan target against the actual figure: a miss is a warning for the renewal panel.
  for (const code of form.figures) {
    const target = inputs.targets.get(code);
    const actual = v(code);
    if (!ok(target) || !ok(actual)) continue;
    const [tv, av] = [target.value as number, actual.value as number];
    const better = form.better.get(code) ?? 'higher';
    const shown = { check: 'R6', indicator: code };
    // A three-year count (7.1) is checked over the plan's three years in renewal review, never one year's figure;
    // a figure with no better side (1.5) misses nothing.
    if (form.threeYear.has(code)) {
      out.push(finding('r6-three-year', 'na', 'check', shown, cells(actual), { target: tv, actual: av }));
      continue;
    }
    if (better === 'none') {
      out.push(finding('r6-no-direction', 'na', 'check', shown, cells(actual), { target: tv, actual: av }));
      continue;
    }
    const missed = better === 'higher' ? av < tv : av > tv;
    const where = { check: 'R6', indicator: code };
    const params = { target: tv, actual: av, better };
    out.push(missed ? finding(better === 'higher' ? 'r6-below-target' : 'r6-above-target', 'warn', 'check', where, cells(actual, target), params) : finding('r6-met', 'pass', 'check', where, cells(actual), params));
  }
  return out;
}
