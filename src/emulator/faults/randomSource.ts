// A small seeded pseudo-random generator (mulberry32) for everything the emulator makes up that
// tests may want to reproduce: ports, host names, sub-millisecond ticks and fault fractions.
// Secrets (signing keys, token ids) come from node:crypto instead.

export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  integer(min: number, max: number): number;
  /** A lower-case UUID-shaped string (version 4 layout). */
  uuid(): string;
}

export function createRandomSource(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (count: number): string => {
    let text = "";
    for (let i = 0; i < count; i += 1) text += integer(0, 15).toString(16);
    return text;
  };
  const uuid = (): string =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + integer(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
  return { next, integer, uuid };
}
