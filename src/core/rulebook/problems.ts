/**
 * A rulebook's problems as data and words: each a JSON path, a code, the entry it lies in by its id (check,
 * indicator, criterion, group) and params, with its message rendered in the language of loading from the rulebook
 * text table; zod's issues turned into the same, zod's generic words from zod's own locales chosen per parse (no
 * global setting leaks between calls); RulebookError carrying the whole list. Loading is ./load.ts.
 */
import type { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';

export type ProblemParams = Record<string, string | number>;

export interface RulebookProblem {
  /** JSON path, e.g. "$.checks[3].rule.bound". */
  path: string;
  /** What is wrong: one of ours (`unknown-indicator`, `percent-bound`, …) or zod's issue code as `zod:<code>`. */
  code: string;
  /** The entry the path lies in, by its id, when it has one. */
  check?: string;
  indicator?: string;
  criterion?: string;
  group?: string;
  params: ProblemParams;
  /** In the language of loading: the entry by id and title, the field, and what is wrong. */
  message: string;
}

/** What is wrong alone (each problem's message without its place), kept aside so problems stay plain data. */
const DETAILS = new WeakMap<RulebookProblem, string>();

/** A problem's detail, for a reader that names the place its own way (the workbook import names the cell). */
export const detailOf = (p: RulebookProblem): string => DETAILS.get(p) ?? p.message;

export class RulebookError extends Error {
  readonly problems: RulebookProblem[];
  constructor(problems: RulebookProblem[], source?: string, lang: Lang = 'zh-CN') {
    const head = problems.length === 1 ? t('rulebook.invalid.one', lang) : t('rulebook.invalid', lang, { n: problems.length });
    super(`${source ? `${source}: ` : ''}${head}:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
    this.name = 'RulebookError';
    this.problems = problems;
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return s;
}

export type Segment = string | number;

const ENTRY_KINDS = { checks: 'check', indicators: 'indicator', criteria: 'criterion', groups: 'group' } as const;

type EntryKind = (typeof ENTRY_KINDS)[keyof typeof ENTRY_KINDS];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Renders a problem found at `path` of the (raw) rulebook `input`: the entry it lies in is named by its id and
 * title as the input writes them (so a problem is readable even when the shape around it is broken).
 */
export function problemAt(input: unknown, path: readonly Segment[], code: string, detail: string, params: ProblemParams, lang: Lang): RulebookProblem {
  const problem: RulebookProblem = { path: formatPath(path), code, params, message: '' };
  const [list, index, ...rest] = path;
  let where: string;
  let bareId = false;
  let fieldPath: readonly Segment[] = path;
  const kind: EntryKind | undefined = typeof list === 'string' && typeof index === 'number' ? ENTRY_KINDS[list as keyof typeof ENTRY_KINDS] : undefined;
  if (kind !== undefined && typeof index === 'number') {
    const entry = isRecord(input) && Array.isArray(input[list as string]) ? (input[list as string] as unknown[])[index] : undefined;
    const idKey = kind === 'indicator' ? 'code' : 'id';
    const id = isRecord(entry) && typeof entry[idKey] === 'string' && entry[idKey] ? entry[idKey] : undefined;
    const titleObj = isRecord(entry) ? entry[kind === 'indicator' ? 'label' : 'title'] : undefined;
    const written = isRecord(titleObj) ? titleObj[lang === 'zh-CN' ? 'zh' : 'en'] : undefined;
    const title = typeof written === 'string' ? written : '';
    if (id !== undefined) {
      problem[kind] = id;
      bareId = !title;
      where = bareId ? tAny(`rulebook.where.${kind}-id`, lang, { id }) : tAny(`rulebook.where.${kind}`, lang, { id, title });
    } else where = tAny(`rulebook.where.${kind}-unnamed`, lang, { n: index + 1 });
    fieldPath = rest;
  } else where = t('rulebook.where.root', lang);
  if (fieldPath.length) {
    const written = formatPath(fieldPath).replace(/^\$\.?/, '');
    const last = [...fieldPath].reverse().find((s): s is string => typeof s === 'string');
    const word = last === undefined ? undefined : tAny(`rulebook.field.${last}`, lang);
    const field = word === undefined || word === `rulebook.field.${last}` || word === written ? written : t('rulebook.field.named', lang, { word, path: written });
    where = kind === undefined ? field : t(bareId ? 'rulebook.where.field-after-id' : 'rulebook.where.field', lang, { where, field });
  }
  problem.message = t('rulebook.problem', lang, { where, detail });
  DETAILS.set(problem, detail);
  return problem;
}

export const ZOD_LOCALE = { 'zh-CN': zodZhCN, 'en-US': zodEn } as const;

export function zodProblems(input: unknown, error: z.ZodError, lang: Lang): RulebookProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((s): s is Segment => typeof s === 'string' || typeof s === 'number');
    const { code, params, detail } = zodDetail(issue, path, lang);
    return problemAt(input, path, code, detail, params, lang);
  });
}

function zodDetail(issue: z.core.$ZodIssue, path: readonly Segment[], lang: Lang): { code: string; params: ProblemParams; detail: string } {
  const code = `zod:${issue.code}`;
  switch (issue.code) {
    case 'invalid_type':
      // zod would say "received undefined"; a missing field is said plainly.
      if (issue.input === undefined) {
        const expected = tAny(`rulebook.type.${issue.expected}`, lang);
        return { code: 'zod:required', params: { expected: issue.expected }, detail: t('rulebook.zod.required', lang, { expected: expected.startsWith('rulebook.') ? issue.expected : expected }) };
      }
      break;
    case 'invalid_union':
      return { code, params: {}, detail: t('rulebook.zod.union', lang) };
    case 'invalid_format': {
      // The schema's own formats carry an English hint; say them in the language of loading.
      const found = typeof issue.input === 'string' ? issue.input : '';
      const last = path[path.length - 1];
      const key =
        issue.format !== 'regex'
          ? undefined
          : last === 'monitoringDeadline'
            ? 'rulebook.zod.deadline-format'
            : last === 'id' && path.length === 1
              ? 'rulebook.zod.id-format'
              : 'rulebook.zod.code-format';
      return { code, params: { found }, detail: tAny(key ?? 'rulebook.zod.format', lang, { found }) };
    }
    case 'too_big':
      // A list longer than the tool's limit (src/core/limits.ts): said with the limit, in the language of loading.
      if (issue.origin === 'array') {
        const max = Number(issue.maximum);
        return { code, params: { max }, detail: t('rulebook.zod.too-many', lang, { max }) };
      }
      break;
    default:
      break;
  }
  return { code, params: {}, detail: issue.message };
}
