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

export function runMonitoringChecks(form: MonitoringForm, inputs: MonitoringInputs): Finding[] {
  const out: Finding[] = [];
  const v = (code: string) => inputs.values.get(code);
  const year = inputs.year;
  const reportYear = year === null ? null : year + 1;

  // R1 — validity, and a renewal review applied for in the renewal year (ground 1).
  const r1 = v('R1');
  const r11 = v('R1.1');
  const r12 = v('R1.2');
  if (ok(r1) && reportYear !== null) {
    const recognised = r1.value as number;
    const { from, expires } = validity(form, recognised, ok(r11) ? (r11.value as number) : null);
    const where = { check: 'R1', indicator: 'R1' };
    const params = { recognised, from, expires, reportYear };
    if (recognised > year!) out.push(finding('r1-after-monitoring-year', 'invalid', 'check', where, cells(r1, v(MONITORING_YEAR)), { recognised, year: year! }));
    else if (reportYear < expires) out.push(finding('r1-valid', 'pass', 'check', where, cells(r1), params));
    else if (reportYear > expires) out.push(finding('r1-expired', 'fail', 'check', where, cells(r1, r11), { ...params, ground: 1 }));
    else if (!r12 || r12.state === 'blank')
      out.push(finding('missing-input', 'missing', 'input', { check: 'R1', indicator: 'R1.2' }, cells(r12), { renewalYear: expires }));
    else if (ok(r12) && r12.value === true) out.push(finding('r1-renewal-applied', 'pass', 'check', { ...where, indicator: 'R1.2' }, cells(r12), params));
    else if (ok(r12)) out.push(finding('r1-renewal-not-applied', 'fail', 'check', { ...where, indicator: 'R1.2' }, cells(r12), { ...params, ground: 1 }));
  }

  // R2 — false declaration or violations: veto (ground 2).
  const r2 = v('R2');
  if (ok(r2)) out.push(r2.value === true ? finding('r2-violation', 'veto', 'check', { check: 'R2', indicator: 'R2' }, cells(r2), { ground: 2 }) : finding('r2-none', 'pass', 'check', { check: 'R2', indicator: 'R2' }, cells(r2), {}));

  // R3 — submitted by the deadline (the day itself on time), and cooperation (ground 3).
  const r3 = v('R3');
  if (ok(r3) && year !== null) {
    const deadline = deadlineFor(form, year);
    const date = r3.value as string;
    const where = { check: 'R3', indicator: 'R3' };
    // A form dated before the year it reports on has ended cannot be true (a form "for 2099" dated 2025): invalid,
    // never on time.
    if (date <= `${year}-12-31`) out.push(finding('r3-before-year-end', 'invalid', 'check', where, cells(r3, v(MONITORING_YEAR)), { date, year }));
    else out.push(date <= deadline ? finding('r3-on-time', 'pass', 'check', where, cells(r3), { date, deadline }) : finding('r3-late', 'fail', 'check', where, cells(r3), { date, deadline, ground: 3 }));
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
    const missed = better === 'higher' ? av < tv : av > tv;
    const where = { check: 'R6', indicator: code };
    const params = { target: tv, actual: av, better };
    out.push(missed ? finding(better === 'higher' ? 'r6-below-target' : 'r6-above-target', 'warn', 'check', where, cells(actual, target), params) : finding('r6-met', 'pass', 'check', where, cells(actual), params));
  }
  return out;
}
