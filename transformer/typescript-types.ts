/**
 * The TypeScript API's type. The transformer never imports TypeScript as a
 * value outside index.ts: it uses the instance it was given (ts-patch's, a
 * bundler's), passed along as `ProgramContext.ts`, typed as `TS`.
 */
import type * as ts from "typescript";

export type TS = typeof ts;
