import { sleep } from './drill-http';

/** The shared drill clock as the driver sees it: read from turnout's GET /metrics once, then advanced at the drill's speed. */
export class DrillClockReader {
  private constructor(
    private readonly drillAtSync: number,
    private readonly realAtSync: number,
    readonly speed: number,
  ) {}

  /** Samples ledger_clock_seconds a few times and keeps the reading with the shortest round trip. */
  static async sync(turnoutUrl: string, speed: number): Promise<DrillClockReader> {
    let best: { drill: number; real: number; roundTrip: number } | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const sent = performance.now();
      const text = await (await fetch(`${turnoutUrl}/metrics`)).text();
      const received = performance.now();
      const match = /^ledger_clock_seconds(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text);
      if (!match)
        throw new Error(
          `${turnoutUrl}/metrics has no ledger_clock_seconds: is this turnout on the drill clock?`,
        );
      const roundTrip = received - sent;
      if (!best || roundTrip < best.roundTrip)
        best = { drill: Number(match[1]) * 1000, real: (sent + received) / 2, roundTrip };
      await sleep(20);
    }
    const reading = best as { drill: number; real: number };
    return new DrillClockReader(reading.drill, reading.real, speed);
  }

  nowMs(): number {
    return this.drillAtSync + (performance.now() - this.realAtSync) * this.speed;
  }

  now(): string {
    return new Date(this.nowMs()).toISOString();
  }

  /** Sleeps until the drill clock reads `instant` (plus `marginMs` of drill time). */
  async until(instant: string, marginMs = 0): Promise<void> {
    const wait = (Date.parse(instant) + marginMs - this.nowMs()) / this.speed;
    if (wait > 0) await sleep(wait);
  }
}
