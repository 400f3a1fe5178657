/** What the committee commands share: the round's files from files and folders, the committee, the conflicts file. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { csvRows, LIMITS, type RoundConflict } from '../../core/index.js';
import { UsageError, WORKBOOK_EXT } from '../common.js';

/** Folders become their workbooks and round files (Office lock files skipped), sorted by name. */
export async function roundFiles(items: string[]): Promise<{ workbooks: string[]; rounds: string[] }> {
  const workbooks: string[] = [];
  const rounds: string[] = [];
  for (const item of items) {
    const isDir = await stat(item).then((s) => s.isDirectory()).catch(() => false);
    const names = isDir ? (await readdir(item)).sort().map((n) => join(item, n)) : [item];
    for (const path of names) {
      const base = path.replace(/^.*[\\/]/, '');
      if (base.startsWith('~$')) continue;
      if (extname(path).toLowerCase() === '.json') {
        if (!isDir || base === 'round.json') rounds.push(path);
      } else if (!isDir || WORKBOOK_EXT.has(extname(path).toLowerCase())) workbooks.push(path);
    }
  }
  return { workbooks, rounds };
}

export const splitNames = (s: string): string[] => s.split(/[,，、;；]/).map((x) => x.trim()).filter(Boolean);

/** A committee within the limit: refused at once with the limit named, before any work is sized by it. */
export function expertLimit(names: readonly string[], command: string): void {
  if (names.length > LIMITS.roundExperts) throw new UsageError('committee.usage.too-many-experts', { n: names.length, limit: LIMITS.roundExperts }, command);
}

/**
 * A committee as named on the command line: within the limit (a list of 17,000 once took 2 GB), each name once
 * (checked with a set, not by searching the list for each name).
 */
export function committeeNames(names: string[], command: string): string[] {
  expertLimit(names, command);
  const seen = new Set<string>();
  for (const x of names) {
    if (seen.has(x)) throw new UsageError('committee.usage.expert-twice', { expert: x }, command);
    seen.add(x);
  }
  return names;
}

/**
 * The conflicts file: CSV with a header `expert,application,reason` (专家,申报,理由 also accepted), or JSON
 * `[{ "expert": …, "application": …, "reason": … }]`. `application` is the file name or its id (name without
 * extension).
 */
export async function readConflicts(path: string, command: string): Promise<RoundConflict[]> {
  let text: string;
  try {
    // Bounded before it is read: a recusal list is a few dozen lines.
    if ((await stat(path)).size > LIMITS.conflictsBytes) throw new UsageError('committee.usage.conflicts-too-big', { file: path, limit: '1 MB' }, command);
    text = decodeList(await readFile(path));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('committee.usage.conflicts-unreadable', { file: path }, command);
  }
  const list = parseConflicts(path, text, command);
  for (const c of list)
    if ([...c.reason].length > LIMITS.conflictReason)
      throw new UsageError('committee.usage.conflict-reason-long', { file: path, expert: c.expert, application: c.application, n: LIMITS.conflictReason }, command);
  return list;
}

function parseConflicts(path: string, text: string, command: string): RoundConflict[] {
  const strip = (s: string) => s.replace(/\.(xlsx|xlsm|xls)$/i, '').trim();
  if (path.toLowerCase().endsWith('.json')) {
    try {
      const rows = JSON.parse(text) as Array<Record<string, unknown>>;
      if (!Array.isArray(rows)) throw new Error('not a list');
      return rows.map((r) => ({ expert: String(r.expert ?? '').trim(), application: strip(String(r.application ?? '')), reason: String(r.reason ?? '').trim() }));
    } catch {
      throw new UsageError('committee.usage.conflicts-bad', { file: path }, command);
    }
  }
  const lines = csvRows(text).filter((l) => l.some((f) => f.trim()));
  const head = (lines.shift() ?? []).map((h) => h.trim().toLowerCase());
  const idx = (names: string[]) => head.findIndex((h) => names.includes(h));
  const [e, a, r] = [idx(['expert', '专家']), idx(['application', '申报', '申报文件']), idx(['reason', '理由', '回避理由'])];
  if (e < 0 || a < 0) throw new UsageError('committee.usage.conflicts-bad', { file: path }, command);
  return lines.map((f) => ({ expert: (f[e] ?? '').trim(), application: strip(f[a] ?? ''), reason: r >= 0 ? f.slice(r).join(',').trim() : '' }));
}

/**
 * The list's text: UTF-8 (a BOM dropped), else GB18030 — what Excel's “CSV (逗号分隔)” writes on a Chinese Windows,
 * which a province's office saves by default (read as UTF-8 it became mojibake, said as “格式不对”).
 */
function decodeList(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

