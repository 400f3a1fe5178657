/**
 * Writing an output without ever touching an input, and without ever leaving half a file or a stray temporary
 * file behind.
 *
 * - Inputs are compared by file identity (device and inode after following links), not by path: a symlinked
 *   folder, a hard link or another spelling of the same path cannot make an output reach an input. An output
 *   that does not exist yet is compared by its real parent folder and name, folded where the file system
 *   ignores case (probed, not guessed from the platform).
 * - Every input of the run is guarded, not only the file being written: the CLI runs a command inside
 *   `withRunInputs`, and every write in it checks against all of them, even with --force.
 * - Outputs are written to a temporary file in the same folder, then committed atomically: without --force by
 *   `link` (which fails if the name exists, so of two runs creating one output exactly one succeeds), with
 *   --force by `rename`. Temporary files are tracked and removed on errors, SIGINT, SIGTERM and SIGHUP; those
 *   of dead runs (SIGKILL, power loss) are removed by the next write into their folder.
 * The pure rules (names, case folding, default names) are in ./output-plan.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { constants as fsConstants, unlinkSync } from 'node:fs';
import { copyFile, link, lstat, open, readdir, readFile, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { FileError, nameTooLong, readError } from './errors.js';
import { chooseDefault, collisionKey, nameKey, outputStem, swapCase, tempName, tempOwner } from './output-plan.js';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

/** Device and inode; bigint because inode numbers may exceed 2^53 on some file systems. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

const sameFile = (a: FileIdentity, b: FileIdentity) => a.dev === b.dev && a.ino === b.ino;

/** The file a path reaches after following links, or null when nothing is there. */
async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const s = await stat(path, { bigint: true });
    return { dev: s.dev, ino: s.ino };
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return null;
    throw e;
  }
}

const caseCache = new Map<string, boolean>();

/**
 * Whether a folder (a real path) ignores case: some name in it, or its own name in its parent, reaches the same
 * file with its case swapped. A folder without any cased name cannot be confused by case anyway.
 */
async function ignoresCase(dir: string): Promise<boolean> {
  const known = caseCache.get(dir);
  if (known !== undefined) return known;
  const probe = async (parent: string, name: string): Promise<boolean | undefined> => {
    const swapped = swapCase(name);
    if (swapped === name) return undefined;
    const [a, b] = await Promise.all([identityOf(join(parent, name)).catch(() => null), identityOf(join(parent, swapped)).catch(() => null)]);
    if (!a) return undefined;
    return !!b && sameFile(a, b);
  };
  let answer = await probe(dirname(dir), basename(dir));
  if (answer === undefined) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names) {
      answer = await probe(dir, n);
      if (answer !== undefined) break;
    }
  }
  caseCache.set(dir, answer ?? false);
  return answer ?? false;
}

/** Where a path lands: the file it reaches (if any), and its real folder with its name as that folder compares names. */
export interface Place {
  id: FileIdentity | null;
  /** "dev:ino" of the real parent folder, or null when the folder does not exist. */
  dirKey: string | null;
  /** The name in that folder, folded where the folder ignores case. */
  name: string;
  caseInsensitive: boolean;
}

async function placeOf(path: string): Promise<Place> {
  // A link loop or a folder without permission is said as such, not as an internal error.
  const id = await identityOf(path).catch((e: unknown) => {
    throw readError(e, path);
  });
  // An existing file is placed where it really is (a symlinked input compares by its target's folder and name).
  const real = id ? await realpath(path).catch(() => resolve(path)) : resolve(path);
  const dir = await realpath(dirname(real)).catch(() => null);
  const dirId = dir ? await identityOf(dir).catch(() => null) : null;
  const caseInsensitive = dir ? await ignoresCase(dir) : false;
  return { id, dirKey: dirId ? `${dirId.dev}:${dirId.ino}` : null, name: nameKey(basename(real), caseInsensitive), caseInsensitive };
}

/** The inputs of a run, as places taken when the run began (what was read is what must not be written). */
export type InputMarks = ReadonlyArray<Place & { path: string }>;

async function markInputs(paths: readonly string[]): Promise<InputMarks> {
  const marks: Array<Place & { path: string }> = [];
  for (const path of paths) {
    const place = await placeOf(path).catch(() => null);
    // A missing input was never read, so there is nothing to protect.
    if (place?.id) marks.push({ ...place, path });
  }
  return marks;
}

/** The input a place is, if any. */
export function inputAt(place: Place, marks: InputMarks): string | undefined {
  for (const m of marks) {
    if (place.id && m.id && sameFile(place.id, m.id)) return m.path;
    if (!place.id && place.dirKey && place.dirKey === m.dirKey && (place.caseInsensitive || m.caseInsensitive ? place.name.toLowerCase() === m.name.toLowerCase() : place.name === m.name))
      return m.path;
  }
  return undefined;
}

const runInputs = new AsyncLocalStorage<InputMarks>();

/** Runs `fn` with `paths` guarded: no write inside it may reach any of them, whatever path or --force it is given. */
export async function withRunInputs<T>(paths: readonly string[], fn: () => Promise<T>): Promise<T> {
  const marks = [...(runInputs.getStore() ?? []), ...(await markInputs(paths))];
  return runInputs.run(marks, fn);
}

async function guardedMarks(extra: readonly string[]): Promise<InputMarks> {
  return [...(runInputs.getStore() ?? []), ...(await markInputs(extra))];
}

/** Throws `output-is-input` when `output` reaches any input. */
async function refuseInput(output: string, marks: InputMarks): Promise<void> {
  const input = inputAt(await placeOf(output), marks);
  if (input !== undefined) throw new FileError('output-is-input', output, { input });
}

/** Throws `output-is-input` when `output` reaches an input of the run (withRunInputs) or one of `inputs`. */
export async function refuseRunInput(output: string, inputs: readonly string[] = []): Promise<void> {
  await refuseInput(output, await guardedMarks(inputs));
}

// ---------------------------------------------------------------------------------------------------------------
// Default names

export interface DefaultOutputOptions {
  /** The folder the output goes to (`-o FOLDER`); the input's own folder when absent. */
  dir?: string;
  /** Every input of the run (besides those guarded by withRunInputs). */
  inputs?: readonly string[];
  /** Outputs already chosen for other inputs of this run. */
  planned?: readonly string[];
}

/**
 * The default output for `input`, never an input of the run and never an earlier round's reviewed copy (see
 * chooseDefault). Throws `output-is-input` (no --force can help) or `outputs-collide`.
 */
export async function chooseDefaultOutput(input: string, opts: DefaultOutputOptions = {}): Promise<string> {
  const dir = opts.dir ?? dirname(input);
  const marks = await guardedMarks([input, ...(opts.inputs ?? [])]);
  const realDir = await realpath(dir).catch(() => resolve(dir));
  const ci = await ignoresCase(realDir);
  const fold = (name: string) => nameKey(name, ci);
  // Facts for every candidate name there is (the folder's own entries), so the pure rule can ask synchronously.
  const { stem } = outputStem(basename(input));
  const candidate = (name: string) => fold(name).startsWith(fold(`${stem}.reviewed`));
  const entries = (await readdir(dir).catch(() => [] as string[])).filter(candidate);
  const existing = new Set(entries.map(fold));
  const inputs = new Set<string>();
  for (const name of entries) if (inputAt(await placeOf(join(dir, name)), marks) !== undefined) inputs.add(fold(name));
  const planned = new Set<string>();
  for (const p of opts.planned ?? []) {
    const [a, b] = await Promise.all([placeOf(p), placeOf(join(dir, basename(p)))]);
    if (a.dirKey !== null && a.dirKey === b.dirKey) planned.add(fold(basename(p)));
  }
  const choice = chooseDefault(basename(input), { exists: (n) => existing.has(fold(n)), isInput: (n) => inputs.has(fold(n)), planned: (n) => planned.has(fold(n)) });
  const output = join(dir, choice.name);
  if (choice.kind === 'planned') throw new FileError('outputs-collide', output, { input });
  return output;
}

/**
 * Inputs of one run that would go to one output name in one folder (a/x.xlsx and b/x.xlsx with `-o dir`).
 * Returns the first such pair, or null.
 */
export async function collidingInputs(inputs: readonly string[], outDir: string | undefined): Promise<[string, string] | null> {
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const dir = await realpath(outDir ?? dirname(input)).catch(() => resolve(outDir ?? dirname(input)));
    const key = collisionKey(dir, basename(input), await ignoresCase(dir));
    const other = seen.get(key);
    if (other !== undefined) return [other, input];
    seen.set(key, input);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Temporary files

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handling = false;
let counter = 0;

function removeLiveSync(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone (committed by rename, or never created).
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLiveSync();
  stopHandling();
  const code = 128 + (osConstants.signals[signal] ?? 0);
  process.exitCode = code;
  // Die of the same signal when nobody else listens, so a parent shell sees the usual status; else exit with it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  else process.exit(code);
}

function startHandling(): void {
  if (handling) return;
  handling = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeLiveSync);
}

function stopHandling(): void {
  if (!handling) return;
  handling = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', removeLiveSync);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errno(e) === 'EPERM';
  }
}

const started = Date.now() - process.uptime() * 1000;
const uid = process.getuid?.();

/** Linux's clock ticks per second as /proc reports times (USER_HZ: 100 on every architecture Node runs on). */
const USER_HZ = 100;

/**
 * When the process now holding `pid` started (ms since the epoch), from /proc: its start in ticks since boot and the
 * boot time. Null where there is no /proc (macOS, Windows) or it cannot be read: then only a dead pid proves a
 * temporary stale.
 */
async function processStart(pid: number): Promise<number | null> {
  try {
    const [stat, sys] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile('/proc/stat', 'utf8')]);
    // Field 22 (starttime), counted after the command name, which may hold spaces and parentheses.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const btime = Number(/^btime (\d+)$/m.exec(sys)?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(btime) && btime > 0 ? btime * 1000 + (ticks / USER_HZ) * 1000 : null;
  } catch {
    return null;
  }
}

/** Removes temporary files of ours whose run is gone (a SIGKILL or a power cut cannot clean up after itself). */
async function sweepStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempOwner(name);
    if (pid === null) continue;
    const path = join(dir, name);
    if (live.has(path)) continue;
    try {
      const st = await lstat(path);
      // Only a plain file of this user's, last written before this run began: what a dead run of ours left.
      if (!st.isFile() || (uid !== undefined && st.uid !== uid) || st.mtimeMs >= started) continue;
      // Our own pid and not one of our live files: a dead run that had the same pid (pid 1 in a container). Another
      // live pid is a run still writing — unless the process holding it started after the file was last written
      // (a second's margin for the clocks' grain): that process cannot have made it, its pid was reused.
      if (pid !== process.pid && alive(pid)) {
        const since = await processStart(pid);
        if (since === null || since <= st.mtimeMs + 1000) continue;
      }
      await unlink(path);
      removed.push(path);
    } catch {
      // Removed by someone else meanwhile, or not ours to remove.
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export interface WriteOutputOptions {
  force?: boolean;
  /** Inputs besides those guarded by withRunInputs. */
  inputs?: readonly string[];
  /**
   * Called immediately before the commit, once the new file is whole: throwing leaves the output as it is (the
   * update of a file a person may be editing checks here that it is still the file that was read).
   */
  beforeCommit?: () => Promise<void>;
}

/** The reason a write failed, as a FileError naming the output. */
function writeError(e: unknown, output: string): FileError {
  if (e instanceof FileError) return e;
  switch (errno(e)) {
    case 'EEXIST':
      return new FileError('output-exists', output);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FileError('output-no-permission', output, { detail: errno(e)! });
    case 'ENOENT':
    case 'ENOTDIR':
      // `-o newdir/` names a folder: that folder is the one missing (not ".", which exists).
      return new FileError('output-folder-not-found', output, { folder: /[\\/]$/.test(output) ? output : dirname(output) });
    case 'EISDIR':
      return new FileError('not-a-file', output);
    case 'ELOOP':
      return new FileError('link-loop', output);
    case 'ENAMETOOLONG':
      return nameTooLong(output);
    default:
      return new FileError('write-failed', output, { detail: errno(e) ?? (e instanceof Error ? e.message : String(e)) });
  }
}

/** How many temporary names a write tries when each is already taken (planted) before it gives up, naming one. */
const TEMP_TRIES = 20;

/** File systems without hard links (FAT, some network shares) answer link() with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * The temporary for `output`, created exclusively (O_EXCL: never through a link, never into a file someone planted
 * under our name pattern). A name taken by something that is not ours is left alone and the next name tried.
 */
async function createTemp(dir: string, output: string): Promise<{ tmp: string; file: FileHandle }> {
  for (let tries = 0; ; tries++) {
    const tmp = join(dir, tempName(basename(output), process.pid, ++counter));
    try {
      const file = await open(tmp, 'wx');
      live.add(tmp);
      return { tmp, file };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
      if (tries + 1 >= TEMP_TRIES) throw new FileError('temp-taken', output, { temp: tmp });
    }
  }
}

/**
 * Writes `output` through `write` (given the open temporary file), atomically and never onto an input.
 * Without `force` the output is created exclusively: if it exists, or another run creates it first, this fails
 * with `output-exists` and nothing is replaced.
 */
export async function writeOutput(output: string, write: (file: FileHandle) => Promise<void>, opts: WriteOutputOptions = {}): Promise<void> {
  const marks = await guardedMarks(opts.inputs ?? []);
  try {
    await refuseInput(output, marks);
  } catch (e) {
    throw writeError(e, output);
  }
  // Cheap early answer; the link below is what actually decides.
  if (!opts.force && (await lstat(output).then(() => true, () => false))) throw new FileError('output-exists', output);
  // A link where the output goes is someone's: a rename would silently replace it with a file (--force or not).
  const isLink = () => lstat(output).then((st) => st.isSymbolicLink(), () => false);
  if (await isLink()) throw new FileError('output-is-link', output);
  const dir = dirname(resolve(output));
  await sweepStaleTemps(dir);
  startHandling();
  let created: string | undefined;
  try {
    const { tmp, file } = await createTemp(dir, output);
    created = tmp;
    try {
      await write(file);
      await file.sync();
    } finally {
      await file.close();
    }
    // Again just before committing: the folder may have changed while the workbook was being written.
    await refuseInput(output, marks);
    await opts.beforeCommit?.();
    if (opts.force && (await isLink())) throw new FileError('output-is-link', output);
    if (opts.force) await rename(tmp, output);
    else {
      try {
        await link(tmp, output);
      } catch (e) {
        if (!NO_LINKS.has(errno(e) ?? '')) throw e;
        // No hard links here: an exclusive copy still never replaces a file someone else created.
        await copyFile(tmp, output, fsConstants.COPYFILE_EXCL);
      }
    }
  } catch (e) {
    throw writeError(e, output);
  } finally {
    // Only the temporary this write created is removed: a planted file or link under our pattern is not ours.
    if (created !== undefined) {
      await unlink(created).catch(() => undefined);
      live.delete(created);
    }
    if (!live.size) stopHandling();
  }
}
