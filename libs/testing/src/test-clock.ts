import type { Clock } from '@vl/clock';

/** A service's clock in a test: it stands still until the test moves it. */
export class TestClock implements Clock {
  private current: Date;

  constructor(instant: string) {
    this.current = new Date(instant);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}
