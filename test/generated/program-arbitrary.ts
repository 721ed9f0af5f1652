/**
 * fast-check arbitraries that write small TypeScript modules out of the
 * function shapes ts-autotrace rewrites: declarations, arrows (expression and
 * block bodies), class methods (instance, static, getter), object methods,
 * async functions and generators, with bodies that read parameters,
 * defaults, rest, `this` and `arguments`, throw, and call earlier functions
 * (so traced calls nest).
 */
import fc from "fast-check";

export interface GeneratedProgram {
  source: string;
  /** Exported callables, in order: each takes (a: number, b: number). */
  entryPoints: string[];
}

const statement = (index: number) =>
  fc.oneof(
    fc
      .integer({ min: -5, max: 5 })
      .map((k) => `if (a > ${k} && b < 0) throw new RangeError("a>${k}");`),
    fc.integer({ min: 1, max: 9 }).map((k) => `var v = a * ${k} + b; if (v % 7 === 0) return v;`),
    fc.constant(`if (rest.length > 1) return rest.length;`),
    ...(index > 0
      ? [fc.nat({ max: index - 1 }).map((j) => `if (a > 0) return f${j}(a - 1, b) + 1;`)]
      : []),
  );

const body = (index: number) =>
  fc
    .array(statement(index), { minLength: 0, maxLength: 3 })
    .chain((statements) =>
      fc.integer({ min: 0, max: 9 }).map((k) => [...statements, `return a - b * ${k};`].join(" ")),
    );

type Shape = (index: number, block: string) => string;

const SHAPES: Record<string, Shape> = {
  declaration: (i, block) =>
    `export function f${i}(a: number, b = 2, ...rest: number[]) { ${block} }`,
  arrowBlock: (i, block) =>
    `export const f${i} = (a: number, b = 2, ...rest: number[]) => { ${block} };`,
  arrowExpression: (i) => `export const f${i} = (a: number, b = 2) =>\n  // comment\n  a * 3 - b;`,
  usesArguments: (i, block) =>
    `export function f${i}(a: number, b = 2, ...rest: number[]) { if (arguments.length > 2) return arguments.length * 100; ${block} }`,
  method: (i, block) =>
    `class C${i} { k = 3; m(a: number, b = 2, ...rest: number[]) { if (this.k !== 3) return -1; ${block} } }\n` +
    `export const f${i} = (a: number, b: number) => new C${i}().m(a, b);`,
  staticMethod: (i, block) =>
    `class S${i} { static m(a: number, b = 2, ...rest: number[]) { ${block} } }\nexport const f${i} = (a: number, b: number) => S${i}.m(a, b);`,
  getter: (i, block) =>
    `class G${i} { constructor(private a: number, private b: number) {} get v() { const a = this.a, b = this.b, rest: number[] = []; ${block} } }\n` +
    `export const f${i} = (a: number, b: number) => new G${i}(a, b).v;`,
  objectMethod: (i, block) =>
    `const o${i} = { base: 1, m(a: number, b = 2, ...rest: number[]) { if (this.base !== 1) return -1; ${block} } };\n` +
    `export const f${i} = (a: number, b: number) => o${i}.m(a, b);`,
  async: (i, block) =>
    `async function a${i}(a: number, b = 2, ...rest: number[]) { await null; ${block} }\n` +
    `export const f${i} = (a: number, b: number) => a${i}(a, b);`,
  generator: (i, block) =>
    `function* g${i}(a: number, b = 2, ...rest: number[]) { yield a; yield b; ${block.replace(/return /g, "return ")} }\n` +
    `export const f${i} = (a: number, b: number) => { const out: unknown[] = []; const it = g${i}(a, b); for (let r = it.next(); ; r = it.next()) { out.push(r.value); if (r.done) return out.join(","); } };`,
};

export const programArbitrary: fc.Arbitrary<GeneratedProgram> = fc
  .array(fc.constantFrom(...Object.keys(SHAPES)), { minLength: 1, maxLength: 5 })
  .chain((shapes) =>
    fc.tuple(...shapes.map((_, i) => body(i))).map((bodies) => {
      const functions = shapes.map((shape, i) => SHAPES[shape](i, bodies[i]));
      // Calls to f<j> inside async or generator shapes return promises or strings: coerce to numbers.
      const source = functions
        .join("\n\n")
        .replace(/f(\d+)\(a - 1, b\) \+ 1/g, "Number(f$1(a - 1, b)) + 1");
      return { source, entryPoints: shapes.map((_, i) => `f${i}`) };
    }),
  );
