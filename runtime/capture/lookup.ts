/**
 * Reading a property the way the language would find it, without running any
 * code: the prototype chain is walked with descriptors, an accessor found on
 * the way counts as "not readable", and the walk stops at a Proxy (whose traps
 * are program code) or after a bounded number of steps.
 */
import { intrinsics as I } from "./intrinsics";

const MAX_CHAIN = 32;

/** The descriptor `target[key]` would be read through, own or inherited. */
export function findProperty(target: object, key: PropertyKey): PropertyDescriptor | undefined {
  let holder: object | null = target;
  for (let step = 0; holder !== null && step < MAX_CHAIN; step++) {
    if (I.isProxy(holder)) return undefined;
    const found = I.descriptor(holder, key);
    if (found !== undefined) return found;
    holder = I.prototypeOf(holder) as object | null;
  }
  return undefined;
}

/** The value of `target[key]` if it is a data property, own or inherited; else undefined. */
export function dataProperty(target: object, key: PropertyKey): unknown {
  const found = findProperty(target, key);
  return found !== undefined && I.hasOwn(found, "value") ? found.value : undefined;
}

/** `prototype` is on the chain of `target` (instanceof, without Symbol.hasInstance or traps). */
export function inherits(target: object, prototype: object): boolean {
  let holder = I.prototypeOf(target) as object | null;
  for (let step = 0; holder !== null && step < MAX_CHAIN; step++) {
    if (holder === prototype) return true;
    if (I.isProxy(holder)) return false;
    holder = I.prototypeOf(holder) as object | null;
  }
  return false;
}

/**
 * Reading `target[key]` runs no code: the property is missing or a data
 * property, and no Proxy is on the way.
 */
export function readsNoCode(target: object, key: PropertyKey): boolean {
  let holder: object | null = target;
  for (let step = 0; holder !== null && step < MAX_CHAIN; step++) {
    if (I.isProxy(holder)) return false;
    const found = I.descriptor(holder, key);
    if (found !== undefined) return I.hasOwn(found, "value");
    holder = I.prototypeOf(holder) as object | null;
  }
  return holder === null;
}

/** An Error by its internal slot, or anything inheriting from Error.prototype. */
export function isErrorLike(target: object): boolean {
  return I.isNativeError(target) || inherits(target, I.errorPrototype);
}

/** A string data property's value, or undefined (accessor, missing, not a string). */
export function stringProperty(target: object, key: PropertyKey): string | undefined {
  const value = dataProperty(target, key);
  return typeof value === "string" ? value : undefined;
}

/**
 * The error's `name` as a data property, else its class's name (the
 * `constructor` data property's own `name`), else "Error".
 */
export function errorNameOf(target: object): string {
  const name = stringProperty(target, "name");
  if (name !== undefined && name !== "") return name;
  const constructor = dataProperty(target, "constructor");
  if (typeof constructor === "function" && !I.isProxy(constructor)) {
    const own = I.descriptor(constructor, "name");
    const value = own !== undefined && I.hasOwn(own, "value") ? own.value : undefined;
    if (typeof value === "string" && value !== "") return value;
  }
  return "Error";
}
