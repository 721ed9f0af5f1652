/**
 * The runtime spells a few OpenTelemetry constants itself so that importing
 * it loads no SDK package; they must stay equal to the packages' own.
 */
import { ExportResultCode } from "@opentelemetry/core";
import * as semconv from "@opentelemetry/semantic-conventions";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import * as names from "../../runtime/shared/attribute-names";
import { EXPORT_FAILED, EXPORT_SUCCESS } from "../../runtime/delivery/export-result";

describe("constants spelled by the runtime", () => {
  it("match @opentelemetry/semantic-conventions", () => {
    for (const [name, value] of Object.entries(names)) {
      expect([name, value]).toEqual([name, (semconv as Record<string, unknown>)[name]]);
    }
  });

  it("match @opentelemetry/core's ExportResultCode", () => {
    expect([EXPORT_SUCCESS, EXPORT_FAILED]).toEqual([
      ExportResultCode.SUCCESS,
      ExportResultCode.FAILED,
    ]);
  });

  it("let the built runtime load with no OpenTelemetry package but the API", () => {
    const script = `require(${JSON.stringify(path.resolve(__dirname, "../../dist/runtime/index.js"))});
      const loaded = Object.keys(require.cache).filter((k) => k.includes("@opentelemetry"));
      console.log(JSON.stringify([...new Set(loaded.map((k) => k.split("@opentelemetry/")[1].split("/")[0]))]));`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(result.stdout)).toEqual(["api"]);
  });
});
