import assert from "node:assert/strict";
import { OrderedRecords } from "../../../src/emulator/store/orderedRecords";

interface Item {
  sequence: number;
}

describe("OrderedRecords", () => {
  it("yields the open records after a sequence, like filtering the whole list would", () => {
    // A seeded sequence of adds, closes and reads, compared with the obvious implementation.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const ordered = new OrderedRecords<Item>();
    const all: Item[] = [];
    const closed = new Set<Item>();
    let sequence = 0;
    for (let step = 0; step < 5000; step += 1) {
      const action = random(10);
      if (action < 5 || all.length === 0) {
        sequence += 1 + random(3);
        const item = { sequence };
        all.push(item);
        ordered.add(item);
      } else if (action < 8) {
        const item = all[random(all.length)] as Item;
        closed.add(item);
        ordered.close(item);
      } else {
        const after = random(sequence + 2);
        const limit = 1 + random(20);
        const expected = all.filter((item) => item.sequence > after && !closed.has(item)).slice(0, limit);
        const actual: Item[] = [];
        for (const item of ordered.openAfter(after)) {
          if (actual.length === limit) break;
          actual.push(item);
        }
        assert.deepEqual(actual, expected, `step ${step}: after ${after}`);
      }
    }
  });

  it("lets a reader close the record it was given and carry on", () => {
    const ordered = new OrderedRecords<Item>();
    const items = [1, 2, 3, 4, 5].map((sequence) => ({ sequence }));
    for (const item of items) ordered.add(item);
    const seen: number[] = [];
    for (const item of ordered.openAfter(0)) {
      seen.push(item.sequence);
      if (item.sequence % 2 === 0) ordered.close(item);
    }
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
    assert.deepEqual(
      [...ordered.openAfter(0)].map((item) => item.sequence),
      [1, 3, 5],
    );
    ordered.add({ sequence: 6 });
    assert.deepEqual(
      [...ordered.openAfter(4)].map((item) => item.sequence),
      [5, 6],
    );
  });

  it("refuses records out of creation order", () => {
    const ordered = new OrderedRecords<Item>();
    ordered.add({ sequence: 5 });
    assert.throws(() => ordered.add({ sequence: 5 }), RangeError);
  });
});
