/**
 * Builds Snapshots in the standard indicator-sheet layout for tests: title row, header with the data years,
 * one row per indicator (code, label, unit, Y-3, Y-2, Y-1). Values are given per code; series as arrays.
 */
import type { GridSnapshot, LoadedRulebook, RawCell } from '../../src/core/index.js';
import { INDICATOR_SHEET, snapshotFromValues, type ApplicationValues, type SnapshotOptions } from '../../src/core/template/layout.js';

export type { CellSpec } from '../../src/core/template/layout.js';
export type Values = ApplicationValues;

export const SHEET = INDICATOR_SHEET;
/** A percent-formatted cell holding a fraction. */
export const pct = (fraction: number): RawCell => ({ value: fraction, numberFormat: '0.0%' });

export interface BuildOptions extends SnapshotOptions {
  year?: number;
}

export function buildSnapshot(rb: LoadedRulebook, values: Values, opts: BuildOptions = {}): GridSnapshot {
  return snapshotFromValues(rb, opts.year ?? 2025, values, opts);
}

/** An application that passes every automated check of the national 2022 rulebook. */
export function passingValues(): Values {
  return {
    B1: '示例县精密轴承产业集群',
    B2: '浙江省',
    B3: '示例县',
    B4: '轴承制造',
    B5: '精密轴承',
    B6: 2025,
    B7: '示例县轴承产业集群发展服务中心',
    B8: '是',
    B9: '是',
    // The application form's identity (issue 12): applicant, contacts, spatial scope, enterprise counts, provincial recognition.
    B10: '示例县经济和信息化局',
    B11: '浙江省经济和信息化厅',
    B12: '王五',
    B13: '0571-12345678',
    B14: '2025-03-15',
    B15: '示例镇、示例经济开发区',
    B16: 420,
    B17: 405,
    // The provincial tier (issue 19): 规上企业数, the city the county applies through, the contact's position, mobile, e-mail.
    B20: 36,
    B21: '示例市',
    B22: '科长',
    B23: '13812345678',
    B24: 'wangwu@example.gov.cn',
    B18: 2023,
    B19: '浙经信企业〔2023〕12号',
    '1.1': '是',
    '1.2': '是',
    '1.3': '全国精密轴承细分领域前五，依据行业协会排名',
    '1.4': '区域品牌“示例轴承”，中国驰名商标2件',
    '1.5': 12.5,
    '1.6': [120, 135, 152],
    '1.7': [95, 104, 118],
    '1.8': [100, 112, 128],
    '2.1': 1,
    '2.2': 3,
    '2.3': 18,
    '2.4': 35,
    '2.5': 22,
    '2.6': 52,
    '3.1': '是',
    '3.2': 4,
    '3.3': '关键零部件本地配套率85%',
    '4.1': [20000, 23000, 26500],
    '4.2': 6,
    '4.3': 3,
    '4.4': [420, 520, 600],
    '4.5': 38000,
    '4.7': '突破高精度轴承钢热处理技术',
    '5.1': pct(0.32),
    '5.2': [pct(0.4), pct(0.46), pct(0.55)],
    '5.3': '是',
    '5.4': '是',
    '6.1': [0.52, 0.48, 0.45],
    '6.2': '否',
    '6.5': '否',
    '6.8': '是',
    '7.1': 3,
    '7.2': 2,
    '7.3': [18, 21, 25],
    '8.1': '是',
    '8.2': '是',
    '8.3': pct(1),
    '8.4': '是',
    D1: '否',
    D2: '否',
    D3: '否',
    D4: '否',
    D5: '否',
    D6: '否',
    D7: '否',
    D8: '否',
    D9: '否',
    C1: '赵六',
    C2: '2025-03-15',
  };
}
