/**
 * What this Excel can do, from its requirement sets (feature detection, never a version guess). The manifest
 * asks for ExcelApi 1.7 (Office 2019 and later, Excel on the web, Microsoft 365, Excel 2019/2021/2024 for Mac):
 * values, fills, protection, hyperlinks and tab colours. Everything above it is optional and degrades plainly.
 */

export interface Capabilities {
  /** Where a flag's explanation goes: notes (1.18), threaded comments (1.10), or only the summary and the pane. */
  explanations: 'notes' | 'comments' | 'none';
  /** 1.8: 是/否 lists and score ranges as data validation. */
  validation: boolean;
  /** 1.9: formatting many cells in one command (RangeAreas) and print setup (page layout). */
  rangeAreas: boolean;
  pageLayout: boolean;
  /** 1.13: reading merged areas, so merged input cells are reported as in the CLI (without it they are read as empty). */
  mergedAreas: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const has = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return {
    explanations: has('1.18') ? 'notes' : has('1.10') ? 'comments' : 'none',
    validation: has('1.8'),
    rangeAreas: has('1.9'),
    pageLayout: has('1.9'),
    mergedAreas: has('1.13'),
  };
}

export const FULL_CAPABILITIES: Capabilities = { explanations: 'notes', validation: true, rangeAreas: true, pageLayout: true, mergedAreas: true };
