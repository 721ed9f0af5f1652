/**
 * The module-level declarations that describe a file's traced functions to
 * the runtime, kept compact because every traced function has one:
 *
 *   var __autotrace_f = __autotrace.file("src/cart.ts", "checkout");
 *   var __autotrace_r0 = { result: true, thresholdMs: 100 };   // a rule's options, once per file
 *   var __autotrace_s0 = __autotrace_f("Cart.add", 12, __autotrace_r0, ["item"]);
 *
 * Site arguments follow the contract's SiteArguments (contract/index.ts):
 * span name, line, rule options or null, parameter names (when the rule
 * records or reads arguments, or reads `this`) or null, and
 * `code.function.name` when it differs from the span name (a `spanName`
 * template). All are `var`s: in an ES module
 * import cycle a function may run before its module body, and then its site
 * is undefined and the runtime runs it untraced.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import { EMITTED, type SiteArguments } from "../../contract";
import { ruleOptions } from "../components/rule-options";
import type { TracingRule } from "../config/config-types";

/** One expression (or none) per slot of the contract's table row, in its order. */
type Slots<Row extends unknown[]> = { [Slot in keyof Row]: ts.Expression | undefined };
type Row = Slots<Required<SiteArguments>>;

export interface SiteFields {
  name: string;
  functionName: string;
  line: number;
  /** Parameter names, when the rule records arguments. */
  args?: readonly string[];
}

export class SiteTable {
  private readonly statements: ts.Statement[] = [];
  private readonly ruleOptions = new Map<number, ts.Expression>();
  private factory: ts.Identifier | undefined;
  private sites = 0;

  constructor(
    private readonly ts: TS,
    private readonly runtime: ts.Identifier,
    private readonly uniqueName: (text: string) => ts.Identifier,
    private readonly file: string,
    private readonly service: string | undefined,
  ) {}

  get isEmpty(): boolean {
    return this.sites === 0;
  }

  declarations(): readonly ts.Statement[] {
    return this.statements;
  }

  /** Declares one traced function's site; returns the variable its wrapper passes to the runtime. */
  add(ruleIndex: number, rule: TracingRule, fields: SiteFields): ts.Identifier {
    const f = this.ts.factory;
    const row: Row = [
      f.createStringLiteral(fields.name),
      f.createNumericLiteral(fields.line),
      this.optionsOf(ruleIndex, rule),
      fields.args &&
        f.createArrayLiteralExpression(fields.args.map((a) => f.createStringLiteral(a))),
      fields.functionName === fields.name ? undefined : f.createStringLiteral(fields.functionName),
    ];
    const args: (ts.Expression | undefined)[] = [...row];
    while (args[args.length - 1] === undefined) args.pop();
    const site = this.uniqueName(`__autotrace_s${this.sites++}`);
    const present = args.map((arg) => arg ?? f.createNull());
    this.declare(site, f.createCallExpression(this.fileFactory(), undefined, present));
    return site;
  }

  private fileFactory(): ts.Identifier {
    if (this.factory) return this.factory;
    const f = this.ts.factory;
    this.factory = this.uniqueName("__autotrace_f");
    const args = [f.createStringLiteral(this.file)];
    if (this.service !== undefined) args.push(f.createStringLiteral(this.service));
    const call = f.createCallExpression(
      f.createPropertyAccessExpression(this.runtime, EMITTED.file),
      undefined,
      args,
    );
    this.declare(this.factory, call);
    return this.factory;
  }

  /** A rule's options (components/rule-options.ts), declared once per file; undefined when empty. */
  private optionsOf(ruleIndex: number, rule: TracingRule): ts.Expression | undefined {
    if (this.ruleOptions.has(ruleIndex)) return this.ruleOptions.get(ruleIndex);
    const options = ruleOptions(rule);
    let reference: ts.Identifier | undefined;
    if (Object.keys(options).length > 0) {
      this.fileFactory(); // keep the file declaration first
      reference = this.uniqueName(`__autotrace_r${ruleIndex}`);
      this.declare(reference, jsonToExpression(this.ts, options));
    }
    this.ruleOptions.set(ruleIndex, reference as ts.Expression);
    return reference;
  }

  private declare(name: ts.Identifier, value: ts.Expression): void {
    const f = this.ts.factory;
    const declaration = f.createVariableDeclaration(name, undefined, undefined, value);
    this.statements.push(
      f.createVariableStatement(undefined, f.createVariableDeclarationList([declaration])),
    );
  }
}

function jsonToExpression(ts: TS, value: unknown): ts.Expression {
  const f = ts.factory;
  if (typeof value === "string") return f.createStringLiteral(value);
  if (typeof value === "number") {
    return value < 0
      ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value))
      : f.createNumericLiteral(value);
  }
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (Array.isArray(value))
    return f.createArrayLiteralExpression(value.map((v) => jsonToExpression(ts, v)));
  const properties = Object.entries(value as Record<string, unknown>).map(([key, v]) =>
    f.createPropertyAssignment(propertyName(ts, key), jsonToExpression(ts, v)),
  );
  return f.createObjectLiteralExpression(properties, false);
}

function propertyName(ts: TS, key: string): ts.PropertyName {
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? ts.factory.createIdentifier(key)
    : ts.factory.createStringLiteral(key);
}
