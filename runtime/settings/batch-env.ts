/* Folder runtime/settings/: Where the runtime's settings come from: environment variables (one
 * file per concern, pure functions of the env object), initializeTracing() options and the
 * program's package.json. */
/** OTEL_BSP_*: the batch span processor used by the network exporters. */
import type { BufferConfig } from "@opentelemetry/sdk-trace-base";
import { integerRule, readSettingWithSource, type Env, type EnvWarning } from "./env-values";

export type BatchSettings = Required<
  Pick<
    BufferConfig,
    "scheduledDelayMillis" | "maxQueueSize" | "maxExportBatchSize" | "exportTimeoutMillis"
  >
>;

/** The defaults of the OpenTelemetry specification. */
export const DEFAULT_BATCH: BatchSettings = {
  scheduledDelayMillis: 5000,
  maxQueueSize: 2048,
  maxExportBatchSize: 512,
  exportTimeoutMillis: 30_000,
};

export function readBatchSettings(env: Env, warnings: EnvWarning[]): BatchSettings {
  const read = (name: string, min: number, fallback: number) =>
    readSettingWithSource(env, [name], integerRule(min), fallback, warnings);
  const queue = read("OTEL_BSP_MAX_QUEUE_SIZE", 1, DEFAULT_BATCH.maxQueueSize).value;
  const batch = read("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", 1, DEFAULT_BATCH.maxExportBatchSize);
  return {
    scheduledDelayMillis: read("OTEL_BSP_SCHEDULE_DELAY", 0, DEFAULT_BATCH.scheduledDelayMillis)
      .value,
    maxQueueSize: queue,
    maxExportBatchSize: limitBatchToQueue(batch, queue, warnings),
    exportTimeoutMillis: read("OTEL_BSP_EXPORT_TIMEOUT", 1, DEFAULT_BATCH.exportTimeoutMillis)
      .value,
  };
}

/**
 * A batch cannot be larger than the queue it is taken from (the spec's rule).
 * Only a batch size that was set explicitly deserves a warning: a small queue
 * alone should not complain about the default batch size.
 */
function limitBatchToQueue(
  batch: { value: number; source: string | undefined },
  queue: number,
  warnings: EnvWarning[],
): number {
  if (batch.value <= queue) return batch.value;
  if (batch.source !== undefined) {
    warnings.push({
      key: `bsp-batch-over-queue:${batch.value}:${queue}`,
      message:
        `OTEL_BSP_MAX_EXPORT_BATCH_SIZE="${batch.value}" is larger than ` +
        `OTEL_BSP_MAX_QUEUE_SIZE (${queue}); using ${queue}`,
    });
  }
  return queue;
}
