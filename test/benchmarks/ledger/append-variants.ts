import { fmt } from '../support/format';

export interface AppendVariant {
  readonly key: string;
  readonly label: string;
  readonly batchSize: number;
  readonly writers: number;
  /** this variant's log feeds the relay; it also runs the diagnostic ceilings */
  readonly keep: boolean;
  /** both tables start with SEED_EVENTS rows and fresh statistics (ANALYZE), as a long-lived log would */
  readonly seeded: boolean;
}

export const SEED_EVENTS = 10_000;

/** The append variants for the given batch sizes, in the order they run and are reported. */
export function appendVariants(appendBatches: readonly number[]): AppendVariant[] {
  const variants: AppendVariant[] = [
    // every batch size with one writer; two writers with the first batch size (keeps the default run short)
    ...appendBatches.map((batchSize, index) => ({ batchSize, writers: 1, keep: index === 0 })),
    ...appendBatches.slice(0, 1).map((batchSize) => ({ batchSize, writers: 2, keep: false })),
  ].map(({ batchSize, writers, keep }) => ({
    key: `append-${writers}-${batchSize}`,
    label: `append, ${writers} writer${writers > 1 ? 's' : ''}, ${fmt(batchSize)}/call`,
    batchSize,
    writers,
    keep,
    seeded: false,
  }));
  variants.push({
    key: `append-1-${appendBatches[0]}-seeded`,
    label: `append, 1 writer, ${fmt(appendBatches[0] as number)}/call, table analyzed beforehand`,
    batchSize: appendBatches[0] as number,
    writers: 1,
    keep: false,
    seeded: true,
  });
  return variants;
}
