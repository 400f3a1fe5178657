/**
 * Scoring in the pane as one hook: who the expert is (remembered on this machine), the committee as the workbook
 * shows it (refreshed when anyone changes the summary or 评分记录), saving one entry, the conflict to settle when
 * a cell changed since it was shown, and "讨论". Decisions are the core's; the host layer (host.ts) calls Excel
 * (src/office/scoring.ts) or WPS (src/wps/scoring.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { itemKey, type PaneItem } from '../core/committee/pane.js';
import type { Lang, LoadedRulebook } from '../core/index.js';
import { t, tAny } from '../core/text/index.js';
import { shownValue } from '../core/committee/pane.js';
import { detectScoringCaps, type ScoringCaps, type ScoringView } from '../office/scoring.js';
import { WPS_SCORING_CAPS } from '../wps/host.js';
import type { Host } from './host.js';
import { discuss, enterScore, insertChart, readScoring, watchScoring } from './scoring-host.js';
import { canInsertChart } from '../office/chart.js';
import { auditItemText } from '../core/committee/audit-sheet.js';
import { errorNotice, type Notice } from './useReview.js';

const EXPERT_KEY = 'cluster-review.expert';

export interface Conflict {
  item: PaneItem;
  mine: string;
  theirs: string;
  seen: string;
}

export interface Scoring {
  caps: ScoringCaps;
  opened: boolean;
  busy: 'load' | 'save' | null;
  view: ScoringView | null;
  problem: 'no-summary' | 'not-trusted' | null;
  expert: string | null;
  /** The name this computer last scored as: offered, never taken without the expert confirming it for this workbook. */
  suggested: string | null;
  notices: Notice[];
  /** Entries typed and not saved (each field reports its own): the pane asks before they are lost. */
  unsaved: number;
  setUnsaved(field: string, dirty: boolean): void;
  /** "更换专家" asked while entries are unsaved: the pane asks first (discard, or go back). */
  leaving: boolean;
  leave(choice: 'discard' | 'stay'): void;
  conflict: Conflict | null;
  /** Refreshes come from Excel's change events (false: only by the Refresh button; always so in WPS). */
  live: boolean;
  open(): void;
  refresh(): void;
  chooseExpert(name: string | null): void;
  save(item: PaneItem, value: string): Promise<boolean>;
  settle(choice: 'mine' | 'theirs'): void;
  discuss(criterion: string, text: string): Promise<boolean>;
  /** A native chart can be inserted (Excel with the chart API; never WPS): otherwise the pane's chart stands alone. */
  canChart: boolean;
  insertChart(): void;
}

const now = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

function remembered(): string | null {
  try {
    return localStorage.getItem(EXPERT_KEY);
  } catch {
    return null;
  }
}

export function useScoring(host: Host, rb: LoadedRulebook, lang: Lang): Scoring {
  const [caps] = useState<ScoringCaps>(() => (host.kind === 'excel' && host.suite === 'wps' ? WPS_SCORING_CAPS : detectScoringCaps()));
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState<Scoring['busy']>(null);
  const [view, setView] = useState<ScoringView | null>(null);
  const [problem, setProblem] = useState<Scoring['problem']>(null);
  // Confirmed per workbook (one pane per open workbook): the name remembered on this computer is only offered.
  const [expert, setExpert] = useState<string | null>(null);
  const [suggested] = useState<string | null>(remembered);
  const unsavedRef = useRef<Set<string>>(new Set());
  const [unsaved, setUnsavedCount] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [live, setLive] = useState(false);
  const [canChart] = useState(() => host.kind === 'excel' && host.suite !== 'wps' && canInsertChart());
  const viewRef = useRef<ScoringView | null>(null);
  const stopRef = useRef<(() => Promise<void> | void) | null>(null);
  // The sheets the watch is on: an entry's view (which adds 评分记录's id when the entry added the sheet) is no
  // watch, so what is watched is kept apart from the view.
  const watched = useRef<{ sheetId: string; auditId: string | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ item: PaneItem; value: string } | null>(null);
  // The cells this pane's entries wrote: their change events are not someone else's (no refresh for them).
  const own = useRef<Set<string>>(new Set());

  const load = useCallback(
    async (quiet = false): Promise<ScoringView | null> => {
      if (host.kind !== 'excel') return null;
      if (!quiet) setBusy('load');
      try {
        const v = await host.run((ctx) => readScoring(ctx, rb, caps));
        if (typeof v === 'string') {
          setProblem(v);
          setView(null);
          viewRef.current = null;
          return null;
        }
        setProblem(null);
        setView(v);
        viewRef.current = v;
        // Watch once per summary (and again when 评分记录 appears).
        const w = watched.current;
        if (caps.events && (!stopRef.current || w?.sheetId !== v.sheetId || w.auditId !== v.auditId)) {
          await stopRef.current?.();
          stopRef.current = null;
          watched.current = null;
          stopRef.current = await host.run((ctx) =>
            watchScoring(ctx, v, caps, () => {
              // Several changes come together (a batch writes many cells): one refresh after them.
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => void load(true), 250);
            }, own.current),
          );
          if (stopRef.current) watched.current = { sheetId: v.sheetId, auditId: v.auditId };
          setLive(stopRef.current !== null);
          // A change made between the read above and the watch taking hold raised no event here (the old watch
          // was off, the new one not yet on): read once more now that it is on. The ids are the same then, so
          // that read does not renew the watch again.
          if (stopRef.current) return (await load(true)) ?? v;
        }
        return v;
      } catch (e) {
        setNotices([errorNotice(e, lang)]);
        return null;
      } finally {
        if (!quiet) setBusy(null);
      }
    },
    [host, rb, caps, lang],
  );

  // Leaving the workbook (closing it, or the pane) with unsaved entries: the browser asks first.
  useEffect(() => {
    if (!unsaved || typeof window === 'undefined') return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Chromium and Edge WebView2 take a non-empty returnValue as "ask" (their own words are shown, not this).
      e.returnValue = 'unsaved';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  // Stable: each field reports through it from its effects.
  const setUnsaved = useCallback((field: string, dirty: boolean) => {
    if (dirty === unsavedRef.current.has(field)) return;
    if (dirty) unsavedRef.current.add(field);
    else unsavedRef.current.delete(field);
    setUnsavedCount(unsavedRef.current.size);
  }, []);

  const choose = useCallback((name: string | null) => {
    setExpert(name);
    try {
      if (name) localStorage.setItem(EXPERT_KEY, name);
    } catch {
      // Storage refused (private mode): nothing to offer next time.
    }
  }, []);

  useEffect(
    () => () => {
      // Handlers are removed with a sync (watchScoring's stop); the pane is closing, nothing waits for it.
      void Promise.resolve(stopRef.current?.()).catch(() => undefined);
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const write = useCallback(
    async (item: PaneItem, value: string, lastSeen: string | null): Promise<boolean> => {
      const v = viewRef.current;
      if (host.kind !== 'excel' || !v || !expert) return false;
      setBusy('save');
      setNotices([]);
      try {
        const seen = lastSeen ?? shownValue(v.state, expert, item);
        const r = await host.run((ctx) => enterScore(ctx, v, rb, lang, caps, { expert, item, value, lastSeen: seen === '' ? null : seen, time: now() }, own.current));
        if (r.kind === 'conflict') {
          pending.current = { item, value };
          setConflict({ item: r.item, mine: r.mine, theirs: r.theirs, seen: r.seen });
          return false;
        }
        if (r.kind === 'invalid') {
          setNotices([{ intent: 'warning', text: tAny(`pane.score.invalid.${r.code}`, lang, { value: r.code === 'unknown-expert' ? expert : value, max: r.max ?? '' }) }]);
          return false;
        }
        if (r.kind === 'written') {
          const blank = t('pane.score.blank', lang);
          setNotices([{ intent: 'success', text: t('pane.score.saved', lang, { item: auditItemText(itemKey(item), lang), old: r.plan.audit.old ?? blank, new: r.plan.audit.new ?? blank }) }]);
        }
        if (r.kind === 'written' && r.view) {
          // The view with the entry in, made by the adapter without reading again (2 syncs an entry in all). When
          // the entry has just added 评分记录, a read follows: it puts the watch on that sheet too (see `watched`).
          const before = viewRef.current;
          viewRef.current = r.view;
          setView(r.view);
          if (before?.auditId !== r.view.auditId) await load(true);
        } else await load(true);
        return true;
      } catch (e) {
        setNotices([errorNotice(e, lang)]);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [host, rb, lang, caps, expert, load],
  );

  return {
    caps,
    opened,
    busy,
    view,
    problem,
    expert,
    suggested,
    notices,
    unsaved,
    setUnsaved,
    leaving,
    leave: (choice) => {
      setLeaving(false);
      if (choice === 'discard') {
        unsavedRef.current.clear();
        setUnsavedCount(0);
        choose(null);
      }
    },
    conflict,
    live,
    open: () => {
      setOpened(true);
      void load();
    },
    refresh: () => void load(),
    chooseExpert: (name) => {
      // Changing the expert with entries typed and not saved: asked first.
      if (name === null && unsavedRef.current.size > 0) setLeaving(true);
      else choose(name);
    },
    save: (item, value) => write(item, value, null),
    settle: (choice) => {
      const c = conflict;
      const p = pending.current;
      setConflict(null);
      pending.current = null;
      if (!c || !p) return;
      // Keep mine: written over what the workbook holds now (if it changes again, asked again). Take theirs: shown.
      if (choice === 'mine') void write(p.item, p.value, c.theirs);
      else void load(true);
    },
    canChart,
    insertChart: () => {
      const v = viewRef.current;
      if (host.kind !== 'excel' || !v) return;
      setBusy('save');
      void host
        .run((ctx) => insertChart(ctx, v, rb, lang))
        .then((sheet) => setNotices([{ intent: 'success', text: t('chart.pane.inserted', lang, { sheet }) }]))
        .catch((e: unknown) => setNotices([errorNotice(e, lang)]))
        .finally(() => setBusy(null));
    },
    discuss: async (criterion, text) => {
      const v = viewRef.current;
      if (host.kind !== 'excel' || !v || !expert || !text.trim()) return false;
      try {
        const kind = await host.run((ctx) => discuss(ctx, v, criterion, expert, text));
        setNotices([{ intent: 'success', text: t(kind === 'thread' ? 'pane.discuss.posted' : 'pane.discuss.replied', lang, { id: criterion }) }]);
        await load(true);
        return true;
      } catch (e) {
        setNotices([errorNotice(e, lang)]);
        return false;
      }
    },
  };
}
