/**
 * Reading `$args.order.customer.id`-style paths out of a call without running
 * any of the program's code: each step takes an own data property only (a
 * getter, an inherited property or a Proxy is never touched), or, for a Map
 * without an own property of that name, its entry through the built-in
 * Map.prototype.get. Anything else ends the path with `undefined`, and the
 * attribute is then not set. The built-ins are the ones the capture code took
 * at load (capture/intrinsics.ts), so a program that patches them is not called.
 */
import { call, intrinsics as I } from "../capture/intrinsics";

/** The value at `path` below `root`; `undefined` when a step is missing or not plain data. */
export function readOwnPath(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (let i = 0; i < path.length; i++) {
    if ((typeof value !== "object" && typeof value !== "function") || value === null) {
      return undefined;
    }
    value = readStep(value, path[i]);
    if (value === undefined) return undefined;
  }
  return value;
}

function readStep(target: object, key: string): unknown {
  // First: even getOwnPropertyDescriptor runs a Proxy's trap.
  if (I.isProxy(target)) return undefined;
  const descriptor = I.descriptor(target, key);
  if (descriptor !== undefined) return descriptor.get === undefined ? descriptor.value : undefined;
  // Checked only when there is no own property: most steps are plain objects.
  return I.isMap(target) ? call(I.mapGet, target, key) : undefined;
}
