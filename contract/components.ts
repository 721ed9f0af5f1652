/**
 * The component vocabulary both sides share: span kind names and the
 * `component` presets. Plain data, importing nothing (contract/ rule); the
 * runtime turns a kind name into SpanKind in runtime/components/component-site.ts.
 */

/** The `kind` names a rule or withSpan() may give. */
export const SPAN_KIND_NAMES = ["internal", "server", "client", "producer", "consumer"] as const;

export type SpanKindName = (typeof SPAN_KIND_NAMES)[number];

export function isSpanKindName(value: unknown): value is SpanKindName {
  return typeof value === "string" && (SPAN_KIND_NAMES as readonly string[]).includes(value);
}

/**
 * The `component` presets: what kind of span a component makes and which
 * attributes say what it did, under the OpenTelemetry semantic conventions
 * (stable names where the convention is stable). README's "Components"
 * section documents this table; a test checks the two agree.
 *
 * A preset gives:
 * - `kind`, which a rule's own `kind` overrides;
 * - `constants`: attributes it always sets (`consumerConstants` instead, for
 *   a messaging rule whose `kind` is `consumer`);
 * - `fromCode`: attributes whose default is the traced function's class or
 *   name (build time), for the rule's `attributes` to override;
 * - `expects`: the attributes a rule usually maps from the call
 *   (`"db.query.text": "$args.sql"`); documented, not set by the preset;
 * - `spanName`: a span-name prefix followed by the value of one attribute, as
 *   the GenAI conventions name their spans (`invoke_agent Planner`).
 */
export type ConventionStatus = "stable" | "development" | "ts-autotrace";

export interface ComponentPreset {
  kind: SpanKindName;
  /** The status of the conventions whose names the preset uses. */
  status: ConventionStatus;
  constants: Readonly<Record<string, string>>;
  /** Replace `constants` entries when the span's kind is `consumer`. */
  consumerConstants?: Readonly<Record<string, string>>;
  fromCode: Readonly<Record<string, "class" | "function">>;
  expects: readonly string[];
  spanName?: { prefix: string; attribute: string };
}

export const COMPONENT_PRESETS = {
  http: {
    kind: "server",
    status: "stable",
    constants: {},
    fromCode: {},
    expects: ["http.request.method", "http.route", "http.response.status_code", "url.path"],
  },
  database: {
    kind: "client",
    status: "stable",
    constants: {},
    fromCode: { "db.operation.name": "function" },
    expects: ["db.system.name", "db.query.text", "db.collection.name", "db.namespace"],
  },
  cache: {
    kind: "client",
    status: "ts-autotrace",
    constants: {},
    fromCode: { "db.operation.name": "function" },
    expects: ["db.system.name", "cache.key", "cache.hit"],
  },
  external: {
    kind: "client",
    status: "stable",
    constants: {},
    fromCode: {},
    expects: ["server.address", "http.request.method", "url.full", "http.response.status_code"],
  },
  messaging: {
    kind: "producer",
    status: "development",
    constants: { "messaging.operation.type": "send" },
    consumerConstants: { "messaging.operation.type": "process" },
    fromCode: { "messaging.operation.name": "function" },
    expects: ["messaging.system", "messaging.destination.name", "messaging.message.id"],
  },
  agent: {
    kind: "internal",
    status: "development",
    constants: { "gen_ai.operation.name": "invoke_agent" },
    fromCode: { "gen_ai.agent.name": "class" },
    expects: ["gen_ai.agent.id", "gen_ai.conversation.id", "gen_ai.provider.name"],
    spanName: { prefix: "invoke_agent", attribute: "gen_ai.agent.name" },
  },
  tool: {
    kind: "internal",
    status: "development",
    constants: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.type": "function" },
    fromCode: { "gen_ai.tool.name": "function" },
    expects: ["gen_ai.tool.call.id", "gen_ai.tool.description"],
    spanName: { prefix: "execute_tool", attribute: "gen_ai.tool.name" },
  },
  orchestrator: {
    kind: "internal",
    status: "ts-autotrace",
    constants: {},
    fromCode: { "orchestrator.operation": "function" },
    expects: [
      "orchestrator.exploration.id",
      "orchestrator.task.id",
      "orchestrator.task.type",
      "gen_ai.agent.name",
      "orchestrator.success",
    ],
  },
  knowledge_graph: {
    kind: "internal",
    status: "ts-autotrace",
    constants: {},
    fromCode: { "knowledge_graph.operation": "function" },
    expects: ["knowledge_graph.node.id", "knowledge_graph.concept", "knowledge_graph.success"],
  },
} as const satisfies Record<string, ComponentPreset>;

export type ComponentName = keyof typeof COMPONENT_PRESETS;

export const COMPONENT_NAMES = Object.keys(COMPONENT_PRESETS) as ComponentName[];

export function presetOf(name: string): ComponentPreset | undefined {
  return Object.prototype.hasOwnProperty.call(COMPONENT_PRESETS, name)
    ? (COMPONENT_PRESETS as Record<string, ComponentPreset>)[name]
    : undefined;
}
