/** The plan and evidence sheets as an adapter would read them, in the template's layout (tests only). */
import { planDirections, planIndicators, type GridSnapshot, type LoadedRulebook, type RawCell } from '../../src/core/index.js';
import { passingValues, type Values } from './sheet.js';

type Cell = string | number | null;
const cell = (v: Cell): RawCell | null => (v === null ? null : { value: v });

/** The latest figure of a value as the sheet would hold it ("32%" → 0.32). */
function latest(v: Values[string]): number | null {
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  const x = last !== null && typeof last === 'object' && 'value' in last ? last.value : last;
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && /^[\d.]+%$/.test(x)) return Number(x.slice(0, -1)) / 100;
  return null;
}

/**
 * The plan sheet: targets 10% a year better than the passing application's latest figures unless `targets`
 * gives an indicator's row as typed; `years` the header's plan years.
 */
export function planSheet(rb: LoadedRulebook, opts: { years?: Array<number | string>; targets?: Record<string, Cell[]>; values?: Values; omit?: string[] } = {}): GridSnapshot {
  const years = opts.years ?? [2025, 2026, 2027];
  const values = opts.values ?? passingValues();
  const dirs = planDirections(rb);
  const rows = planIndicators(rb)
    .filter((i) => !opts.omit?.includes(i.code))
    .map((ind) => {
      const cur = latest(values[ind.code]);
      const step = dirs.get(ind.code) === 'lower' ? 0.9 : 1.1;
      const t = opts.targets?.[ind.code] ?? years.map((_y, k) => (cur === null ? null : ind.kind === 'percent' ? Math.min(1, cur * step ** (k + 1)) : ind.kind === 'integer' ? Math.ceil(cur * step ** (k + 1)) : Math.ceil(cur * step ** (k + 1) * 100) / 100));
      return [ind.code, ind.label.zh, ind.unit ?? '', cur, ...t].map(cell);
    });
  return {
    sheet: '规划目标',
    cells: [[cell('三年发展规划量化目标（供复核）')], ['代码', '指标', '单位', '2024年现值', ...years.map((y) => (typeof y === 'number' ? `${y}年` : y)), '填报说明'].map(cell), ...rows],
  };
}

export const PASSING_EVIDENCE: Array<[string, string, string]> = [
  ['集群发展情况报告', '1.6、1.7、1.8', '第1页'],
  ['优质企业名单及认定文件', '2.1、2.2、2.3', '附件2.pdf'],
  ['协作配套机制说明', '3', '第13页'],
  ['研发投入统计表', '4.1', '附件4.pdf'],
  ['数字化转型情况', '5.1', '第19页'],
  ['碳排放核算', '6.1', '附件6.pdf'],
  ['对外合作情况', '7', '第23页'],
  ['三年发展规划', '8.4', '附件8.pdf'],
];

export function evidenceSheet(rows: Array<[Cell, Cell, Cell]> = PASSING_EVIDENCE, header = ['序号', '材料名称', '对应指标', '页码/文件名', '备注']): GridSnapshot {
  return {
    sheet: '佐证材料目录',
    cells: [[cell('佐证材料目录')], header.map(cell), ...rows.map((r, i) => [cell(i + 1), ...r.map(cell)])],
  };
}
