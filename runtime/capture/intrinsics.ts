/**
 * The built-ins capture uses, taken once when the runtime loads. A program may
 * later replace `Map.prototype.entries`, `Date.prototype.toISOString` or
 * `JSON.stringify`; the originals read internal slots and never run program
 * code, so recording keeps using them whatever the program patches afterwards.
 */
import { types } from "node:util";

const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;

function getter(prototype: object, key: PropertyKey): (this: unknown) => unknown {
  return Object.getOwnPropertyDescriptor(prototype, key)!.get!;
}

export const call = Function.prototype.call.bind(Function.prototype.call) as <R>(
  fn: (this: unknown, ...args: never[]) => R,
  self: unknown,
  ...args: unknown[]
) => R;

export const intrinsics = {
  isProxy: types.isProxy,
  isDate: types.isDate,
  isMap: types.isMap,
  isSet: types.isSet,
  isTypedArray: types.isTypedArray,
  isArrayBuffer: types.isArrayBuffer,
  isSharedArrayBuffer: types.isSharedArrayBuffer,
  isDataView: types.isDataView,
  isNativeError: types.isNativeError,
  isBoxedPrimitive: types.isBoxedPrimitive,
  isStringObject: types.isStringObject,
  isNumberObject: types.isNumberObject,
  isBooleanObject: types.isBooleanObject,
  isBigIntObject: types.isBigIntObject,
  isSymbolObject: types.isSymbolObject,
  isArray: Array.isArray,
  keys: Object.keys,
  symbols: Object.getOwnPropertySymbols,
  descriptor: Object.getOwnPropertyDescriptor,
  prototypeOf: Object.getPrototypeOf,
  hasOwn: Object.hasOwn,
  quote: JSON.stringify as (text: string) => string,
  weakMapGet: WeakMap.prototype.get,
  weakMapSet: WeakMap.prototype.set,
  weakMapDelete: WeakMap.prototype.delete,
  mapGet: Map.prototype.get,
  mapSet: Map.prototype.set,
  mapClear: Map.prototype.clear,
  stringSlice: String.prototype.slice,
  charCodeAt: String.prototype.charCodeAt,
  stringIncludes: String.prototype.includes,
  lookupGetter: (Object.prototype as { __lookupGetter__(key: PropertyKey): unknown })
    .__lookupGetter__,
  dateTime: Date.prototype.getTime,
  dateIso: Date.prototype.toISOString,
  mapEntries: Map.prototype.entries,
  setValues: Set.prototype.values,
  mapSize: getter(Map.prototype, "size"),
  setSize: getter(Set.prototype, "size"),
  mapIteratorNext: Object.getPrototypeOf(new Map().entries()).next as () => IteratorResult<
    [unknown, unknown]
  >,
  setIteratorNext: Object.getPrototypeOf(new Set().values()).next as () => IteratorResult<unknown>,
  typedArrayLength: getter(typedArrayPrototype, "length"),
  typedArrayTag: getter(typedArrayPrototype, Symbol.toStringTag),
  arrayBufferLength: getter(ArrayBuffer.prototype, "byteLength"),
  sharedBufferLength:
    typeof SharedArrayBuffer === "function"
      ? getter(SharedArrayBuffer.prototype, "byteLength")
      : undefined,
  dataViewLength: getter(DataView.prototype, "byteLength"),
  symbolDescription: getter(Symbol.prototype, "description"),
  stringValue: String.prototype.valueOf,
  numberValue: Number.prototype.valueOf,
  booleanValue: Boolean.prototype.valueOf,
  bigintValue: BigInt.prototype.valueOf,
  symbolValue: Symbol.prototype.valueOf,
  errorPrototype: Error.prototype as object,
  /** V8's own `stack` accessor, if this engine makes `stack` an accessor. */
  stackGetter: Object.getOwnPropertyDescriptor(new Error(), "stack")?.get,
} as const;
