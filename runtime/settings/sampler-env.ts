/** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, as the OpenTelemetry spec defines them. */
import { choiceRule, readSetting, type Env, type EnvWarning, type ValueRule } from "./env-values";

export const SAMPLER_NAMES = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
] as const;

export type SamplerName = (typeof SAMPLER_NAMES)[number];

export interface SamplerSettings {
  name: SamplerName;
  /** The ratio of the *traceidratio samplers; 1 for the others. */
  ratio: number;
}

const ratioRule: ValueRule<number> = {
  expected: "a number from 0 to 1",
  parse(text) {
    // Number("") is 0 and Number("0x1") is 1: accept only plain decimals.
    if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
    const ratio = Number(text);
    return ratio >= 0 && ratio <= 1 ? ratio : undefined;
  },
};

export function readSamplerSettings(env: Env, warnings: EnvWarning[]): SamplerSettings {
  const name = readSetting(
    env,
    ["OTEL_TRACES_SAMPLER"],
    choiceRule(SAMPLER_NAMES),
    "parentbased_always_on",
    warnings,
  );
  const usesRatio = name.endsWith("traceidratio");
  // The argument of the other samplers is ignored, as the spec says.
  const ratio = usesRatio
    ? readSetting(env, ["OTEL_TRACES_SAMPLER_ARG"], ratioRule, 1, warnings)
    : 1;
  return { name, ratio };
}

/** True when no span can ever be recorded: the runtime then skips span work entirely. */
export function samplesNothing({ name, ratio }: SamplerSettings): boolean {
  return name === "always_off" || (name === "traceidratio" && ratio === 0);
}

/**
 * True when a span without a parent is never recorded, and so none of its
 * descendants either: a call outside any span can skip span work.
 */
export function skipsRoots({ name, ratio }: SamplerSettings): boolean {
  return name === "parentbased_always_off" || (name === "parentbased_traceidratio" && ratio === 0);
}
