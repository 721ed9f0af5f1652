/**
 * Which TypeScript the transformer can use. TypeScript 7 (the native port) has
 * no JavaScript compiler API, so neither the ts-patch path nor the engine can
 * run on it; the engine then falls back to TypeScript 6 installed beside it.
 */
import type * as ts from "typescript";

/**
 * Why a TypeScript cannot trace a tspc build, and every path that can, as one
 * line: the transformer prints it under ts-patch and `ts-autotrace build`
 * prints it before starting tspc (naming the TypeScript it found).
 */
export function noTransformerApiMessage(typescript = "TypeScript 7"): string {
  return (
    `${typescript} has no transformer API, so tspc/ts-patch cannot run transformers on it and cannot trace this build. ` +
    "Supported paths: build with TypeScript 7's `tsc` and run the output with `node --import ts-autotrace/register`, " +
    "or use a bundler plugin (ts-autotrace/vite, /rollup, /esbuild, /webpack, /rspack) or ts-autotrace/jest " +
    "(these need the TypeScript 5 or 6 API: `npm i -D @typescript/typescript6` beside TypeScript 7), " +
    "or build with tspc on TypeScript 6 + ts-patch 4 or TypeScript 5.9 + ts-patch 3.3. " +
    "See the README's first table."
  );
}

export const TS7_MESSAGE = `ts-autotrace: ${noTransformerApiMessage()}`;

/** True when `tsInstance` has the compiler API ts-autotrace builds on. */
export function hasTransformerApi(tsInstance: unknown): tsInstance is typeof ts {
  const candidate = tsInstance as Partial<typeof ts> | undefined;
  const major = Number.parseInt(String(candidate?.version ?? "0"), 10);
  return (
    major >= 5 &&
    major < 7 &&
    typeof candidate?.transpileModule === "function" &&
    typeof candidate?.factory === "object"
  );
}

/** `typescript`, else `@typescript/typescript6`; one clear error when neither has the API. */
export function loadTypeScript(): typeof ts {
  for (const name of ["typescript", "@typescript/typescript6"]) {
    const candidate = tryRequire(name);
    if (hasTransformerApi(candidate)) return candidate;
  }
  throw new Error(TS7_MESSAGE);
}

/**
 * The `typescript` this package resolves, required when first asked for:
 * importing the transformer must not cost TypeScript's load (some 250 ms),
 * which a loader (`--import ts-autotrace/register`) pays only for a file it
 * rewrites.
 */
export function resolvedTypeScript(): typeof ts {
  const found = tryRequire("typescript");
  if (found === undefined) {
    throw new Error(
      "ts-autotrace: the `typescript` package is not installed: npm i -D typescript@5.9.3",
    );
  }
  return found as typeof ts;
}

function tryRequire(name: string): unknown {
  try {
    // The name is only known at run time: a static import cannot express the fallback.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name);
  } catch {
    return undefined;
  }
}
