/**
 * Writes any value as JSON-like text, within a character budget, without
 * running a line of the program's code: only own data properties are read
 * (through descriptors), a Proxy is never touched beyond recognising it, and
 * built-in collections are read through the built-ins taken at load. The walk
 * stops as soon as the text reaches the budget, and shows at most MAX_ENTRIES
 * entries of one container, so its cost follows the budget, not the size of
 * the value. Markers for what is not read are in brackets.
 */
import { call, intrinsics as I } from "./intrinsics";
import { errorNameOf, isErrorLike, dataProperty } from "./lookup";
import { MAX_ENTRIES, forgetKeys, ownKeys } from "./own-keys";
import type { ValueRules } from "../redaction/value-rules";

const objectPrototype = Object.prototype;

/** Quoting a key is a third of an entry's cost, and objects of one shape repeat keys: kept. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

/** Nesting shown before `[…]`; also keeps the cycle check short. */
const MAX_DEPTH = 32;

/** Keys to redact and text to mask while writing (redaction/value-rules.ts); none by default. */
type RenderRules = Pick<ValueRules, "redactKey" | "maskText" | "maskNumber">;
const NONE: RenderRules = { redactKey: () => false, maskText: (t) => t, maskNumber: (n) => n };
const REDACTED_TEXT = '"[REDACTED]"';

interface Out {
  text: string;
  readonly budget: number;
  readonly rules: RenderRules;
  /** The objects being written, outermost first, for `[Circular]`: path[0..depth). */
  readonly path: object[];
  depth: number;
}

/** The text of `value`; may run past `budget` by one piece, which the caller clips. */
export function render(value: unknown, budget: number, rules = NONE): string {
  const out: Out = { text: "", budget, rules, path: [], depth: 0 };
  write(out, value);
  return out.text;
}

function full(out: Out): boolean {
  return out.text.length >= out.budget;
}

function write(out: Out, value: unknown): void {
  switch (typeof value) {
    case "string": {
      const room = out.budget - out.text.length;
      out.text += quote(out.rules.maskText(value, room), room);
      return;
    }
    case "object":
      if (value === null) out.text += "null";
      else writeObject(out, value);
      return;
    case "function":
      out.text += I.isProxy(value) ? "[Proxy]" : functionText(value);
      return;
    case "symbol":
      out.text += symbolText(value);
      return;
    case "bigint":
      out.text += `${value}n`;
      return;
    case "number": {
      const shown = out.rules.maskNumber(value); // a card number comes back as masked text
      out.text += typeof shown === "string" ? quote(shown, 32) : `${shown}`;
      return;
    }
    default:
      // boolean, undefined: converting a primitive runs no code.
      out.text += `${value as boolean | undefined}`;
  }
}

/** A JSON string literal of at most `room` characters of `text` (a 1 MB string is not copied). */
function quote(text: string, room: number): string {
  const shown = text.length > room ? clipped(text, room) : text;
  return needsEscapes(shown) ? I.quote(shown) : `"${shown}"`;
}

/** JSON.stringify costs some 200 ns even for a short key: most keys need no escapes. */
function needsEscapes(text: string): boolean {
  if (text.length > 64) return true;
  for (let i = 0; i < text.length; i++) {
    const code = call(I.charCodeAt, text, i) as number;
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return true;
    }
  }
  return false;
}

function clipped(text: string, room: number): string {
  return call(I.stringSlice, text, 0, room < 0 ? 0 : room) as string;
}

export function symbolText(symbol: symbol): string {
  const description = call(I.symbolDescription, symbol) as string | undefined;
  return `Symbol(${description === undefined ? "" : clipped(description, 256)})`;
}

export function functionText(fn: object): string {
  const own = I.descriptor(fn, "name");
  const name = own !== undefined && I.hasOwn(own, "value") ? own.value : undefined;
  return `[function ${typeof name === "string" && name !== "" ? clipped(name, 256) : "anonymous"}]`;
}

function writeObject(out: Out, target: object): void {
  if (I.isProxy(target)) {
    out.text += "[Proxy]";
    return;
  }
  const { path, depth } = out;
  for (let i = 0; i < depth; i++) {
    if (path[i] === target) {
      out.text += "[Circular]";
      return;
    }
  }
  if (depth >= MAX_DEPTH) {
    out.text += "[…]";
    return;
  }
  path[depth] = target;
  out.depth = depth + 1;
  writeKind(out, target);
  out.depth = depth;
}

function writeKind(out: Out, target: object): void {
  const prototype = I.prototypeOf(target) as object | null;
  // Most recorded objects are plain: skip the ten slot checks below (~0.5 µs).
  if (prototype === objectPrototype || prototype === null) writeEntries(out, target, "{");
  else if (I.isArray(target)) writeArray(out, target);
  else if (I.isTypedArray(target)) writeTypedArray(out, target as Uint8Array);
  else if (I.isDate(target)) out.text += dateText(target);
  else if (I.isMap(target)) writeMap(out, target as Map<unknown, unknown>);
  else if (I.isSet(target)) writeSet(out, target as Set<unknown>);
  else if (I.isBoxedPrimitive(target)) write(out, unboxed(target));
  else if (I.isArrayBuffer(target)) out.text += sized("ArrayBuffer", I.arrayBufferLength, target);
  else if (I.isSharedArrayBuffer(target))
    out.text += sized("SharedArrayBuffer", I.sharedBufferLength!, target);
  else if (I.isDataView(target)) out.text += sized("DataView", I.dataViewLength, target);
  else if (isErrorLike(target)) writeError(out, target);
  else writeEntries(out, target, "{");
}

function writeArray(out: Out, array: readonly unknown[]): void {
  // An array's own `length` is always a data property: reading it runs nothing.
  const length = array.length;
  const shown = length < MAX_ENTRIES ? length : MAX_ENTRIES;
  out.text += "[";
  for (let i = 0; i < shown; i++) {
    if (i > 0) out.text += ",";
    if (full(out)) return;
    writeElement(out, array, i);
  }
  out.text += shown < length ? ",…]" : "]";
}

/**
 * An element read without a descriptor (which costs some 150 ns for an
 * index): it is own and has no getter, so reading it runs nothing (a
 * setter-only accessor reads as undefined).
 */
function writeElement(out: Out, array: readonly unknown[], index: number): void {
  if (!I.hasOwn(array, index)) out.text += "[empty]";
  else if (call(I.lookupGetter, array, index) !== undefined) out.text += "[Getter]";
  else write(out, array[index]);
}

/** Elements of a real typed array are numbers held in its buffer: reading them runs nothing. */
function writeTypedArray(out: Out, array: Uint8Array): void {
  const length = call(I.typedArrayLength, array) as number;
  const shown = length < MAX_ENTRIES ? length : MAX_ENTRIES;
  out.text += `${call(I.typedArrayTag, array) as string}(${length}) [`;
  for (let i = 0; i < shown; i++) {
    if (i > 0) out.text += ",";
    if (full(out)) return;
    write(out, array[i]);
  }
  out.text += shown < length ? ",…]" : "]";
}

function writeMap(out: Out, map: Map<unknown, unknown>): void {
  const size = call(I.mapSize, map) as number;
  const entries = call(I.mapEntries, map);
  out.text += `Map(${size}) {`;
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const step = call(I.mapIteratorNext, entries);
    if (step.done === true) break;
    if (i > 0) out.text += ",";
    if (full(out)) return;
    const key: unknown = step.value[0];
    write(out, key);
    out.text += "=>";
    if (typeof key === "string" && out.rules.redactKey(key)) out.text += REDACTED_TEXT;
    else write(out, step.value[1]);
  }
  out.text += size > MAX_ENTRIES ? ",…}" : "}";
}

function writeSet(out: Out, set: Set<unknown>): void {
  const size = call(I.setSize, set) as number;
  const values = call(I.setValues, set);
  out.text += `Set(${size}) [`;
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const step = call(I.setIteratorNext, values);
    if (step.done === true) break;
    if (i > 0) out.text += ",";
    if (full(out)) return;
    write(out, step.value);
  }
  out.text += size > MAX_ENTRIES ? ",…]" : "]";
}

function writeError(out: Out, error: object): void {
  out.text += `{"name":${quote(errorNameOf(error), 256)},"message":`;
  write(out, dataProperty(error, "message") ?? "");
  writeEntries(out, error, ",");
}

/**
 * `{"key":value,…}` from own enumerable properties: accessors are shown as
 * markers, never called. `open` is "{" for an object, "," to continue one.
 */
function writeEntries(out: Out, target: object, open: string): void {
  const keys = ownKeys(target);
  let separator = open;
  let shown = 0;
  let deleted = 0;
  for (let i = 0; i < keys.length; i++) {
    if (full(out)) return;
    if (shown === MAX_ENTRIES) {
      out.text += ",…}";
      return;
    }
    const key = keys[i];
    if (open === "," && (key === "name" || key === "message")) continue;
    const slot = I.descriptor(target, key);
    if (slot === undefined) {
      deleted++;
      continue;
    }
    out.text += separator + keyText(out, key) + ":";
    separator = ",";
    if (typeof key === "string" && out.rules.redactKey(key)) out.text += REDACTED_TEXT;
    else writeSlot(out, slot);
    shown++;
  }
  if (deleted > 0) forgetKeys(target);
  out.text += separator === "{" ? "{}" : "}";
}

function keyText(out: Out, key: PropertyKey): string {
  if (typeof key === "symbol") return `[${symbolText(key)}]`;
  const name = key as string;
  const known = call(I.mapGet, quotedKeys, name) as string | undefined;
  if (known !== undefined) return known;
  const room = out.budget - out.text.length;
  if (name.length > 64 || name.length > room) return quote(name, room);
  // Bounded: a program with endless distinct keys just starts the cache over.
  if ((call(I.mapSize, quotedKeys) as number) >= MAX_QUOTED_KEYS) call(I.mapClear, quotedKeys);
  const text = quote(name, room);
  call(I.mapSet, quotedKeys, name, text);
  return text;
}

/** One property: its value if it is a data property, else a marker. */
function writeSlot(out: Out, slot: PropertyDescriptor): void {
  if (I.hasOwn(slot, "value")) write(out, slot.value);
  else out.text += accessorMarker(slot);
}

function accessorMarker(slot: PropertyDescriptor): string {
  if (slot.get === undefined) return "[Setter]";
  return slot.set === undefined ? "[Getter]" : "[Getter/Setter]";
}

function dateText(date: object): string {
  const time = call(I.dateTime, date) as number;
  return time === time ? I.quote(call(I.dateIso, date) as string) : "[Invalid Date]";
}

function sized(kind: string, length: (this: unknown) => unknown, target: object): string {
  return `[${kind}(${call(length, target) as number})]`;
}

function unboxed(target: object): unknown {
  if (I.isStringObject(target)) return call(I.stringValue, target);
  if (I.isNumberObject(target)) return call(I.numberValue, target);
  if (I.isBooleanObject(target)) return call(I.booleanValue, target);
  if (I.isBigIntObject(target)) return call(I.bigintValue, target);
  return call(I.symbolValue, target);
}
