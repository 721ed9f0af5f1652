// The targets, each checked against this run's figures.

const TARGETED_CAPTURE = ["array1e6", "string1MB", "keys2e5"];

function mode(results, name) {
  return results.calls?.modes.find((m) => m.mode === name);
}

/** [target, measured value, limit, how the value reads] rows; skipped when not measured. */
export function evaluateTargets(results) {
  const rows = [];
  const add = (target, value, limit, unit, { atLeast = false } = {}) => {
    if (value === undefined || Number.isNaN(value)) return;
    rows.push({
      target,
      value,
      limit,
      unit,
      atLeast,
      pass: atLeast ? value >= limit : value <= limit,
    });
  };
  for (const fn of ["sync", "async"]) {
    add(
      `recording, ${fn}: ts-autotrace / hand-written`,
      mode(results, "recording")?.[fn].autotraceOverHandwritten,
      1.0,
      "x",
    );
    add(
      `recording + args/result, ${fn}: ts-autotrace / hand-written`,
      mode(results, "recording_args")?.[fn].autotraceOverHandwritten,
      1.03,
      "x",
    );
    add(
      `database preset + three $args paths, ${fn}: ts-autotrace / hand-written`,
      mode(results, "recording_component")?.[fn].autotraceOverHandwritten,
      1.1,
      "x",
    );
    add(
      `always_off, ${fn}: ts-autotrace / hand-written`,
      mode(results, "always_off")?.[fn].autotraceOverHandwritten,
      0.5,
      "x",
    );
    add(
      `traceidratio 0.1, ${fn}: ts-autotrace / hand-written`,
      mode(results, "ratio")?.[fn].autotraceOverHandwritten,
      1.0,
      "x",
    );
  }
  add(
    "disabled, sync: ts-autotrace - plain",
    mode(results, "disabled")?.sync.autotraceMinusPlainNs,
    5,
    "ns",
  );
  for (const row of results.invisible?.modes ?? []) {
    const floor = row.mode === "recording" ? 0.5 : 0.9;
    const opts = { atLeast: true };
    add(`recursion depth, ${row.mode}: traced / plain`, row.depthOverPlain, floor, "x", opts);
    add(`parser depth, ${row.mode}: traced / plain`, row.parserDepthOverPlain, floor, "x", opts);
    add(
      `4 sync levels, ${row.mode}: frames differing from plain`,
      row.sameSyncFrames ? 0 : 1,
      0,
      "",
    );
    add(
      `async ticks, ${row.mode}: extra per traced level`,
      Math.max(...row.extraTicks.map((t, i) => t / [1, 3][i])),
      1,
      "ticks",
    );
  }
  // The three values; the typed-array row is shown in the table, not a target.
  for (const row of results.capture?.rows.filter((r) => TARGETED_CAPTURE.includes(r.value)) ?? []) {
    add(
      `capture: recording ${row.value} / ${results.capture.baseline} per call`,
      row.overBaseline,
      2,
      "x",
    );
  }
  const build = results.build;
  if (build) {
    add(
      "build, every function matched: tspc+transformer / tsc",
      build.timeRatio.allOverTsc,
      1.1,
      "x",
    );
    add("build, nothing matched: tspc+transformer / tsc", build.timeRatio.noneOverTsc, 1.02, "x");
    add("peak memory, every function matched / tsc", build.memoryRatio.allOverTsc, 1.1, "x");
    add("peak memory, nothing matched / tsc", build.memoryRatio.noneOverTsc, 1.1, "x");
    const s16 = build.transform.scaling.at(-1);
    add(
      `transform time linear: time(${s16.scale}x) / (${s16.scale} * time(1x))`,
      s16.growthOverLinear,
      1.2,
      "x",
    );
    const r100 = build.transform.rules.at(-1);
    add(`transform time flat in rules: ${r100.rules} rules / 1 rule`, r100.overOneRule, 1.1, "x");
  }
  for (const row of results.startup ?? []) {
    if (row.exporter !== "console" && row.exporter !== "none") continue;
    add(
      `start-up with ${row.exporter}: gRPC/protobuf/Thrift packages loaded`,
      row.wirePackages.length,
      0,
      "packages",
    );
  }
  return rows;
}
