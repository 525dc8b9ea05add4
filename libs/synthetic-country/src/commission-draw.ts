import type { CommissionMemberRow, CommissionPosition } from './country-rows';
import type { SeededRandom } from './seeded-random';

export const MIN_COMMISSION_SIZE = 3;
export const MAX_COMMISSION_SIZE = 9;
const POSITIONS_IN_ORDER: readonly CommissionPosition[] = ['chair', 'deputy-chair', 'secretary'];

/**
 * Draws a precinct commission uniformly from the eligible residents as they stream past (reservoir
 * sampling): memory is the commission, not the precinct.
 */
export class CommissionDraw {
  private readonly chosen: string[] = [];
  private candidatesSeen = 0;
  private readonly size: number;

  constructor(
    private readonly precinctCode: string,
    private readonly random: SeededRandom,
  ) {
    this.size = random.integerBetween(MIN_COMMISSION_SIZE, MAX_COMMISSION_SIZE);
  }

  consider(personalNumber: string): void {
    this.candidatesSeen += 1;
    if (this.chosen.length < this.size) {
      this.chosen.push(personalNumber);
      return;
    }
    const slot = this.random.integerBetween(0, this.candidatesSeen - 1);
    if (slot < this.size) this.chosen[slot] = personalNumber;
  }

  /** Chair, deputy chair and secretary first, then ordinary members. */
  members(): readonly CommissionMemberRow[] {
    if (this.chosen.length < MIN_COMMISSION_SIZE) {
      throw new RangeError(
        `precinct ${this.precinctCode} has fewer than ${MIN_COMMISSION_SIZE} eligible residents`,
      );
    }
    return this.chosen.map((personalNumber, index) => ({
      precinctCode: this.precinctCode,
      personalNumber,
      position: POSITIONS_IN_ORDER[index] ?? 'member',
    }));
  }
}
