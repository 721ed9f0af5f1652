/**
 * Where the spans of one exporter are: waiting in the batch queue, or in an
 * export that has not answered yet. The batch guard and the safe exporter
 * keep it; the exit hooks read it to tell whether a flush left spans behind.
 */
export class ExportLedger {
  /** Accepted by the batch processor, not yet handed to the exporter. */
  queued = 0;
  /** Handed to the exporter, no result yet. */
  inFlight = 0;

  pending(): number {
    return this.queued + this.inFlight;
  }

  /** The processor passed `count` spans to the exporter. */
  handOver(count: number): void {
    // Simple processors hand spans over without queueing them first.
    this.queued = Math.max(0, this.queued - count);
    this.inFlight += count;
  }

  settle(count: number): void {
    this.inFlight = Math.max(0, this.inFlight - count);
  }
}
