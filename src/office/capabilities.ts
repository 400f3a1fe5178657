/**
 * What this Excel can do, from its requirement sets AND the office.js it loaded (feature detection, never a version
 * guess). The manifest asks for ExcelApi 1.7 (Office 2019 and later, Excel on the web, Microsoft 365, Excel
 * 2021/2024 for Mac): values, fills, protection, hyperlinks and tab colours. Everything above it is optional and
 * degrades plainly.
 *
 * Two things must both hold for an API above the baseline: the host reports its requirement set, and the loaded
 * office.js defines it. They differ when office.js is the copy bundled with the add-in (`--office-js bundled`, for
 * intranets with no route to Microsoft's CDN): that copy is frozen at its version (@microsoft/office-js 1.1.110 has
 * no notes), while Microsoft 365 reports ExcelApi 1.18 — calling `workbook.notes` there reads a property the library
 * never defined. `GATES` names, for each feature, its set and the classes and members it needs; the build test
 * (test/browser/built.test.ts) reads the shipped dist/office-js/excel-*.js and fails if a member the adapter uses
 * (./surface.ts) is missing there without a gate here.
 */

/** A requirement set and what the loaded office.js must define for it: "Class" (the class exists) or "Class.member". */
export interface Gate {
  set: string;
  needs: readonly string[];
}

/** Every feature above the ExcelApi 1.7 baseline the adapter uses, each used only through its gate. */
export const GATES = {
  /** Notes (explanations on flagged cells; texts beside an expert's cells). */
  notes: { set: '1.18', needs: ['Workbook.notes', 'NoteCollection', 'Note'] },
  /** Threaded comments (explanations where there are no notes; "讨论"). */
  threads: { set: '1.10', needs: ['Workbook.comments', 'CommentCollection', 'Comment', 'CommentReplyCollection'] },
  /** A thread's resolved state. */
  resolved: { set: '1.11', needs: ['Comment.resolved'] },
  /** 是/否 lists and score ranges as data validation. */
  validation: { set: '1.8', needs: ['Range.dataValidation', 'DataValidation'] },
  /** Formatting many cells in one command. */
  rangeAreas: { set: '1.9', needs: ['Worksheet.getRanges', 'RangeAreas'] },
  /** Print setup. */
  pageLayout: { set: '1.9', needs: ['Worksheet.pageLayout', 'Worksheet.horizontalPageBreaks', 'PageLayout', 'PageBreakCollection', 'HeaderFooterGroup', 'HeaderFooter'] },
  /** Reading merged areas. */
  mergedAreas: { set: '1.13', needs: ['Range.getMergedAreasOrNullObject', 'RangeAreas'] },
} as const satisfies Record<string, Gate>;

export type Feature = keyof typeof GATES;

export interface Capabilities {
  /** Where a flag's explanation goes: notes (1.18), threaded comments (1.10), or only the summary and the pane. */
  explanations: 'notes' | 'comments' | 'none';
  /**
   * Why explanations are not notes: this Excel does not report 1.18 ('host'), or it does but the loaded office.js
   * does not define notes ('library': the bundled copy; office.js from Microsoft's CDN would have them). Absent: notes.
   */
  explanationsLimitedBy?: 'host' | 'library';
  /** 1.8: 是/否 lists and score ranges as data validation. */
  validation: boolean;
  /** 1.9: formatting many cells in one command (RangeAreas) and print setup (page layout). */
  rangeAreas: boolean;
  pageLayout: boolean;
  /** 1.13: reading merged areas, so merged input cells are reported as in the CLI (without it they are read as empty). */
  mergedAreas: boolean;
  /** 1.11: a thread people replied to is marked resolved when its flag goes (without it the thread is left as it is). */
  resolved: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;
/** Does the loaded office.js define this class ("NoteCollection") or member ("Workbook.notes")? */
export type LibraryDefines = (need: string) => boolean;

/**
 * The loaded office.js's `Excel` namespace, asked the way it answers: a class is a constructor there, a member is
 * on its prototype (a getter or a method, as office.js's host files define them).
 */
export function libraryDefines(excel: unknown): LibraryDefines {
  return (need) => {
    const [cls, member] = need.split('.') as [string, string | undefined];
    const ctor = excel && typeof excel === 'object' ? (excel as Record<string, unknown>)[cls] : undefined;
    if (typeof ctor !== 'function') return false;
    const proto = (ctor as { prototype?: unknown }).prototype;
    return member === undefined || (!!proto && typeof proto === 'object' && member in proto);
  };
}

/** The office.js this page loaded (the global `Excel`), or nothing outside Office. */
export const loadedLibrary = (): LibraryDefines => libraryDefines((globalThis as { Excel?: unknown }).Excel);

/** Which gates are open: the host reports the set and the library defines what it needs. */
export function openGates(isSetSupported: IsSetSupported, defines: LibraryDefines): { [F in Feature]: { host: boolean; library: boolean; open: boolean } } {
  const reported = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  const out = {} as { [F in Feature]: { host: boolean; library: boolean; open: boolean } };
  for (const [name, gate] of Object.entries(GATES) as Array<[Feature, Gate]>) {
    const host = reported(gate.set);
    const library = gate.needs.every((n) => defines(n));
    out[name] = { host, library, open: host && library };
  }
  return out;
}

export function detectCapabilities(isSetSupported: IsSetSupported, defines: LibraryDefines): Capabilities {
  const g = openGates(isSetSupported, defines);
  // The ladder: notes → threads → colour only.
  const explanations = g.notes.open ? 'notes' : g.threads.open ? 'comments' : 'none';
  return {
    explanations,
    ...(explanations === 'notes' ? {} : { explanationsLimitedBy: g.notes.host ? 'library' : 'host' }),
    validation: g.validation.open,
    rangeAreas: g.rangeAreas.open,
    pageLayout: g.pageLayout.open,
    mergedAreas: g.mergedAreas.open,
    resolved: g.resolved.open,
  };
}

export const FULL_CAPABILITIES: Capabilities = { explanations: 'notes', validation: true, rangeAreas: true, pageLayout: true, mergedAreas: true, resolved: true };
