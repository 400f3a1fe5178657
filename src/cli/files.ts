/**
 * Which file each input of a `check` run is written to, decided for the whole run before anything is written:
 * an output never reaches any input of the run (the rulebook included), two inputs never share an output, and
 * a default name is never an input or an earlier round's copy. The rules and the atomic write are in
 * src/xlsx/output.ts; this only applies them to a command line.
 */
import { basename, dirname, join } from 'node:path';
import { checkNameLength, FileError } from '../xlsx/errors.js';
import { collidingInputs, refuseRunInput, chooseDefaultOutput } from '../xlsx/output.js';
import { outputStem, reviewedName } from '../xlsx/output-plan.js';

export type PlannedOutput = { file: string; output: string } | { file: string; error: FileError };

/**
 * Outputs for `files`: `output` for one file, else the default name in `outDir` or beside each input. Must run
 * inside withRunInputs (every input guarded). Throws `outputs-collide` for the whole run (the command line must
 * change); a file whose output would be an input gets its own error and the others go on.
 */
export async function planCheckOutputs(files: readonly string[], opts: { output?: string; outDir?: string }): Promise<PlannedOutput[]> {
  if (opts.output === undefined || opts.outDir !== undefined) {
    const pair = await collidingInputs(files, opts.outDir);
    if (pair) {
      const [, second] = pair;
      const dir = opts.outDir ?? dirname(second);
      throw new FileError('outputs-collide', join(dir, reviewedName(outputStem(basename(second)).stem, 1)), { input: second });
    }
  }
  const plan = new Map<number, PlannedOutput>();
  const planned: string[] = [];
  // Originals take their names first: a shell glob gives X.reviewed.xlsx before X.xlsx, and the copy taking
  // X.reviewed.xlsx first would leave the original a "collision" (said as two files of one name, after the copy
  // was written). The plan is still returned in the order given.
  const reviewed = (i: number) => outputStem(basename(files[i]!)).reviewed;
  const order = [...files.keys()].sort((a, b) => Number(reviewed(a)) - Number(reviewed(b)) || a - b);
  for (const i of order) {
    const file = files[i]!;
    try {
      let output: string;
      if (opts.output !== undefined && opts.outDir === undefined) {
        output = opts.output;
        await refuseRunInput(output);
        // An explicit -o over a reviewed copy holding experts' scores: never, --force or not (its scores would go).
        const { holdsExpertInput } = await import('../xlsx/held-input.js');
        if (await holdsExpertInput(output)) throw new FileError('output-holds-input', output);
      } else output = await chooseDefaultOutput(file, { dir: opts.outDir, planned });
      // A name too long is this file's error, said once and naming its own output; never planned, so the next
      // input's plan does not stumble on it (it was said twice, both times naming the first file).
      checkNameLength(output);
      planned.push(output);
      plan.set(i, { file, output });
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      plan.set(i, { file, error: e });
    }
  }
  return files.map((_, i) => plan.get(i)!);
}
