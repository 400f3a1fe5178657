/**
 * Excel's errors told apart by their code (Office's documented codes), never by their words: which mean a protected
 * sheet, which mean a co-author's sheet add or delete met this action's batch, and the one retry the latter earns.
 */

export const errorCode = (e: unknown): string | null => {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
};

/**
 * Protection (AccessDenied "You cannot perform the requested operation", what a write to a protected sheet and a
 * refused protect/unprotect give; BadPassword "The password you supplied is incorrect"). Any other code is not a
 * password problem, and is never reported as one.
 */
const PROTECTION_CODES: ReadonlySet<string> = new Set(['AccessDenied', 'BadPassword']);
export const isProtectionError = (e: unknown): boolean => PROTECTION_CODES.has(errorCode(e) ?? '');

/** A co-author's concurrent sheet add (ItemAlreadyExists) or delete (ItemNotFound). */
export const isStructuralRace = (e: unknown): boolean => {
  const code = errorCode(e);
  return code === 'ItemAlreadyExists' || code === 'ItemNotFound';
};

/**
 * Runs an action, and once more if a co-author's sheet add or delete failed its batch: such a batch fails at its
 * first command (the actions put their sheet adds first), so nothing of it applied and the action reads again.
 * `again` is true on the second run.
 */
export async function onceMoreOnRace<T>(action: (again: boolean) => Promise<T>): Promise<T> {
  try {
    return await action(false);
  } catch (e) {
    if (!isStructuralRace(e)) throw e;
    return action(true);
  }
}
