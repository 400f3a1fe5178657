/**
 * The characters untrusted text (a cell, a file or rulebook name) may never carry raw into a terminal or a plain-text
 * document the tool writes: C0 (tab and line breaks included: inside a piece of text they are data, not layout),
 * DEL, C1, the line and paragraph separators, the bidi marks (U+061C, U+200E, U+200F), embeddings, overrides and
 * isolates, and the invisible ones (U+200B–U+200D, U+2060, U+FEFF). One class for the CLI's terminal writer and the
 * kit's README, each escaping them in its own notation.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
