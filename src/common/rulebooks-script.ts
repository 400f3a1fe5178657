/**
 * The deployment's rulebooks as a classic script, `rulebooks/rulebooks.js` in the WPS 加载项's folder. Offline, WPS
 * loads the add-in from its jsaddons folder over file://, where the browser refuses fetch(): the pane could not
 * read rulebooks/index.json and would refuse to review. So each WPS page includes this script before its own, and
 * src/common/deployment.ts reads the files from it instead of fetching them — the same texts, parsed and verified
 * against the same fingerprints. The plain build's copy holds no files (the built-in national edition); a province's
 * kit writes its own (src/xlsx/kit.ts).
 */

/** The global the script sets: file texts by their path from the add-in's root ("rulebooks/index.json", …). */
export const EMBEDDED_RULEBOOKS_GLOBAL = '__CLUSTER_REVIEW_RULEBOOKS__';
/** The script's path in the WPS folder. */
export const EMBEDDED_RULEBOOKS_FILE = 'rulebooks/rulebooks.js';

/**
 * The script for these files. JSON is a JavaScript expression, except that U+2028 and U+2029 end a line in string
 * literals before ES2019 (older Chromium inside WPS): they are escaped, as is "<", so the text can never close a tag.
 */
export function rulebooksScript(files: Readonly<Record<string, string>>): string {
  const json = JSON.stringify(files, null, 1).replace(/[\u2028\u2029<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `// The rulebooks of this deployment (written by the build or by cluster-review kit; do not edit: the pane checks each file's fingerprint).\nwindow[${JSON.stringify(EMBEDDED_RULEBOOKS_GLOBAL)}] = ${json};\n`;
}
