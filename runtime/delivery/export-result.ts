/**
 * The two values of @opentelemetry/core's ExportResultCode, so the exporters
 * can answer without loading core when the runtime is imported (a test checks
 * them against core's enum).
 */
import type { ExportResult } from "@opentelemetry/core";

export const EXPORT_SUCCESS: ExportResult["code"] = 0;
export const EXPORT_FAILED: ExportResult["code"] = 1;
