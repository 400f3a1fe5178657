/** Monitoring-form values for the core's tests: one normal cluster, patched per case. */
import { monitoringForm, monitoringSnapshot, nationalRulebook, type MonitoringForm, type MonitoringValues, type Snapshot } from '../../src/core/index.js';

export const MONITORING_YEAR = 2024;

/** A normal cluster recognised in 2022, reporting 2024 on 2025-04-15 with every target met. */
export function normalMonitoring(form: MonitoringForm): MonitoringValues {
  const v: MonitoringValues = {
    B1: '某某特色产业集群', B2: '浙江省', B3: '某县', B4: '汽车零部件', B5: '制动系统',
    M1: MONITORING_YEAR, R1: 2022, 'R1.2': '是', R2: '否', R3: '2025-04-15', 'R3.1': '是',
    'R4.1': '否', 'R4.3': '否', 'R4.5': '否',
  };
  for (const code of form.figures) v[code] = code === '5.1' || code === '5.2' || code === '8.3' ? '50%' : 10;
  for (const d of form.negatives) v[d] = '否';
  return v;
}

/** The national rulebook's monitoring form. */
export const NATIONAL_FORM = monitoringForm(nationalRulebook());

/** The normal cluster (national figures) reporting `year`, patched per case, as filled into `form`. */
export function patchedSnapshot(patch: MonitoringValues = {}, form: MonitoringForm = NATIONAL_FORM, year = MONITORING_YEAR): Snapshot {
  return monitoringSnapshot(form, year, { ...normalMonitoring(NATIONAL_FORM), M1: year, ...patch });
}
