// Records of one account in creation order, some of them "open" (for sessions: not yet seen to have
// ended). Lists read a page of open records after a sequence number in time that depends on the page
// size, not on how many records are stored or closed: a binary search finds the cursor, and a
// next-open pointer per position (union-find style, with path compression) skips closed records.

export class OrderedRecords<T extends { readonly sequence: number }> {
  private readonly records: T[] = [];
  /** For each position, a position at or after it holding the next open record; itself while open. */
  private readonly nextOpen: number[] = [];

  get size(): number {
    return this.records.length;
  }

  /** Adds a record; its sequence must be larger than every one added before (creation order). */
  add(record: T): void {
    const last = this.records[this.records.length - 1];
    if (last !== undefined && record.sequence <= last.sequence) {
      throw new RangeError(
        `sequence ${record.sequence} is not after ${last.sequence}; add records in order.`,
      );
    }
    this.nextOpen.push(this.records.length);
    this.records.push(record);
  }

  /** Marks a record closed: `openAfter` no longer yields it. Closing twice changes nothing. */
  close(record: T): void {
    const index = this.firstIndexAfter(record.sequence - 1);
    if (this.records[index] === record) this.nextOpen[index] = index + 1;
  }

  /** Open records with a sequence larger than `sequence`, in order; records may be closed meanwhile. */
  *openAfter(sequence: number): Generator<T, void, undefined> {
    let index = this.findOpen(this.firstIndexAfter(sequence));
    while (index < this.records.length) {
      yield this.records[index] as T;
      index = this.findOpen(index + 1);
    }
  }

  /** Binary search: the first position whose sequence is larger than `sequence`. */
  private firstIndexAfter(sequence: number): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.records[middle] as T).sequence <= sequence) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first open position at or after `index` (the length when there is none). */
  private findOpen(index: number): number {
    let root = index;
    while (root < this.nextOpen.length && this.nextOpen[root] !== root) root = this.nextOpen[root] as number;
    for (let at = index; at < root; ) {
      const next = this.nextOpen[at] as number;
      this.nextOpen[at] = root;
      at = next;
    }
    return root;
  }
}
