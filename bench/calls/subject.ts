/**
 * The functions the call-overhead benchmark runs: a small body (about 60 ns
 * of serial integer work the JIT cannot fold away). build-subjects.mjs
 * compiles this file as it is (`plain`) and with the transformer
 * (`ts-autotrace`); handwritten.ts has the same bodies inside hand-written
 * OpenTelemetry spans.
 */
export function mix(a: number, b: number): number {
  let h = a ^ 0x9e3779b9;
  for (let i = 0; i < 48; i++) h = Math.imul(h ^ (b + i), 0x85ebca6b) ^ (h >>> 13);
  return h >>> 0;
}

export async function mixAsync(a: number, b: number): Promise<number> {
  let h = a ^ 0x9e3779b9;
  for (let i = 0; i < 48; i++) h = Math.imul(h ^ (b + i), 0x85ebca6b) ^ (h >>> 13);
  return h >>> 0;
}

/** For the component-preset benchmark: three values read from the arguments. */
export interface Query {
  sql: string;
  table: string;
}

export function lookup(query: Query, options: { db: string }, n: number): number {
  let h = n ^ query.sql.length ^ options.db.length;
  for (let i = 0; i < 48; i++) h = Math.imul(h ^ (n + i), 0x85ebca6b) ^ (h >>> 13);
  return h >>> 0;
}

export async function lookupAsync(
  query: Query,
  options: { db: string },
  n: number,
): Promise<number> {
  let h = n ^ query.sql.length ^ options.db.length;
  for (let i = 0; i < 48; i++) h = Math.imul(h ^ (n + i), 0x85ebca6b) ^ (h >>> 13);
  return h >>> 0;
}
