/**
 * The characters untrusted text (a cell, a file or rulebook name) may never carry raw into a terminal or a plain-text
 * document the tool writes: C0 (tab and line breaks included: inside a piece of text they are data, not layout),
 * DEL, C1, the line and paragraph separators, the bidi marks (U+061C, U+200E, U+200F), embeddings, overrides and
 * isolates, and the invisible ones (U+200B–U+200D, U+2060, U+FEFF). One class for the CLI's terminal writer and the
 * kit's README, each escaping them in its own notation.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Characters no file name may hold on Windows (and `/` nowhere). */
const NOT_IN_FILE_NAMES = '\\/:*?"<>|';

/** A character's length in UTF-8. */
const utf8Bytes = (ch: string): number => {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/**
 * Untrusted text (an expert's or a cluster's name) as part of a file name: characters no file system takes and the
 * unsafe class above become "_" (a name must not reorder or hide itself in a folder listing), and the result is cut
 * at a whole character to `maxBytes` of UTF-8 where a limit is given.
 */
export function fileNamePart(text: string, maxBytes = Number.POSITIVE_INFINITY): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const c = NOT_IN_FILE_NAMES.includes(ch) ? '_' : ch.replace(UNSAFE_TEXT, '_');
    bytes += utf8Bytes(c);
    if (bytes > maxBytes) break;
    out += c;
  }
  return out;
}
