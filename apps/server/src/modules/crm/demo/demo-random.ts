/**
 * The seeded pseudo-random source of the demo data. Every company draws from its own stream,
 * seeded by (run seed, company index): a company is a pure function of those two numbers, so a
 * seed run can stop and resume anywhere, and `small` is the first rows of `full`.
 */
export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    // splitmix32 spreads the seeds over the 128-bit state of sfc32 (a fast, well-mixed generator).
    let state = 0x9e3779b9;
    for (const seed of seeds) state = splitmix32(state ^ Math.imul(seed | 0, 0x85ebca6b) ^ Math.floor(seed / 2 ** 32));
    this.a = splitmix32(state);
    this.b = splitmix32(this.a);
    this.c = splitmix32(this.b);
    this.d = splitmix32(this.c);
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** sfc32. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Picks by weight: `[value, weight]` pairs, weights need not sum to 1. */
  weighted<T>(choices: WeightedChoices<T>): T {
    let roll = this.next() * choices.total;
    for (const [value, weight] of choices.entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices.entries[choices.entries.length - 1]![0];
  }
}

export interface WeightedChoices<T> {
  readonly entries: ReadonlyArray<readonly [T, number]>;
  readonly total: number;
}

export function weights<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedChoices<T> {
  return { entries, total: entries.reduce((sum, [, weight]) => sum + weight, 0) };
}

function splitmix32(input: number): number {
  let z = (input + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A UUIDv7 built from a given time and the stream's bits, so that ids are deterministic (re-running
 * the seed meets its own rows by primary key) and still time-ordered like the application's ids.
 */
export function demoUuid(random: DemoRandom, timeMs: number): string {
  const bytes = new Uint8Array(16);
  let time = timeMs;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  for (let i = 6; i < 16; i += 4) {
    const bits = random.nextUint32();
    for (let j = 0; j < 4 && i + j < 16; j += 1) bytes[i + j] = (bits >>> (8 * j)) & 0xff;
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (byte) => HEX[byte]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
