/**
 * A small seeded PRNG (xoshiro128**, Blackman and Vigna 2018) with the draws the synthetic country needs.
 * The same seed text gives the same sequence on every machine: 32-bit integer arithmetic only.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = seedState(seed);
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotateLeft(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  fraction(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive; the bias is below 2^-32 * (max - min), negligible here. */
  integerBetween(min: number, max: number): number {
    return min + Math.floor(this.fraction() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.fraction() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.fraction() * items.length)] as T;
  }

  /** Roughly standard normal (Irwin-Hall of 4 uniforms, rescaled): enough for precinct size spread. */
  roughNormal(): number {
    const sum = this.fraction() + this.fraction() + this.fraction() + this.fraction();
    return (sum - 2) * Math.sqrt(3);
  }
}

/** Cumulative weights for repeated weighted draws by binary search. */
export class WeightedChoice<T> {
  private readonly cumulative: readonly number[];
  private readonly total: number;

  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let running = 0;
    this.cumulative = items.map(([, weight]) => {
      if (!(weight >= 0)) throw new RangeError(`weights must be non-negative, got ${weight}`);
      running += weight;
      return running;
    });
    if (running <= 0) throw new RangeError('weights must not all be zero');
    this.total = running;
  }

  draw(random: SeededRandom): T {
    const target = random.fraction() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return (this.items[low] as readonly [T, number])[0];
  }
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

// cyrb128-style mixing of the seed text into 128 bits, then splitmix32 so no state word is zero
function seedState(seed: string): [number, number, number, number] {
  let h1 = 1_779_033_703;
  let h2 = 3_144_134_277;
  let h3 = 1_013_904_242;
  let h4 = 2_773_480_762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597_399_067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2_869_860_233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951_274_213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2_716_044_179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597_399_067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2_869_860_233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951_274_213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2_716_044_179);
  const mixed = [h1 ^ h2 ^ h3 ^ h4, h2 ^ h1, h3 ^ h1, h4 ^ h1].map(splitmix32);
  return [mixed[0] as number, mixed[1] as number, mixed[2] as number, mixed[3] as number];
}

function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return z === 0 ? 0x6d2b79f5 : z;
}
