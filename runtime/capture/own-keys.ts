/**
 * The own enumerable keys of an object, as many as one attribute could show.
 *
 * V8 has no way to read the first few keys of an object: Object.keys,
 * for...in and Reflect.ownKeys all collect every key first (about 80 ms for an
 * object with 2e5 keys). So a large object's leading keys are read once and
 * kept, weakly, for the next time the same object is recorded; each record
 * still reads the current values, and skips keys deleted since.
 *
 * Only built-ins taken at load are called, and arrays are walked by index:
 * a program's patched Array.prototype methods never run here.
 */
import { call, intrinsics as I } from "./intrinsics";

/** Entries shown of one object, array, Map or Set before `…`. */
export const MAX_ENTRIES = 32;

/** Keys remembered of a large object: the shown ones, with room for deletions. */
const KEPT_KEYS = 2 * MAX_ENTRIES;

const leadingKeys = new WeakMap<object, PropertyKey[]>();

/** Own enumerable string keys in property order, then own enumerable symbol keys. */
export function ownKeys(target: object): readonly PropertyKey[] {
  const cached = call(I.weakMapGet, leadingKeys, target) as PropertyKey[] | undefined;
  if (cached !== undefined) return cached;
  const names: PropertyKey[] = I.keys(target);
  if (names.length > KEPT_KEYS) {
    // Symbols come after every string key, so they could never be shown.
    names.length = KEPT_KEYS;
    call(I.weakMapSet, leadingKeys, target, names);
    return names;
  }
  const symbols = I.symbols(target);
  for (let i = 0; i < symbols.length; i++) {
    if (I.descriptor(target, symbols[i])?.enumerable === true) names[names.length] = symbols[i];
  }
  return names;
}

/**
 * Called when a remembered prefix ran out before the budget did because keys
 * were deleted since: the object may be small now, so read it afresh next time.
 */
export function forgetKeys(target: object): void {
  call(I.weakMapDelete, leadingKeys, target);
}
