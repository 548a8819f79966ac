// Sessions or conversions by key (lower-case account id and id), plus each account's records in
// creation order for the list operations (see OrderedRecords), and, with a data file, the records
// changed since the last save.
import { OrderedRecords } from "./orderedRecords.js";

export interface StoredResource {
  /** Lower-case account id. */
  readonly accountId: string;
  readonly id: string;
  /** Creation order across the emulator; also the paging key. */
  readonly sequence: number;
}

/** Map key of a resource: ids are case sensitive, account ids are not. */
export function resourceKey(accountId: string, id: string): string {
  return `${accountId.toLowerCase()}/${id}`;
}

export class ResourceTable<T extends StoredResource> {
  private readonly byKey = new Map<string, T>();
  private readonly byAccount = new Map<string, OrderedRecords<T>>();
  /** Records added or changed since `takeChanges`; undefined until `trackChanges` (no data file). */
  private changes: Set<T> | undefined;

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  /** Adds a new record (in creation order: its sequence is larger than any before). */
  set(key: string, record: T): void {
    if (this.byKey.has(key)) throw new RangeError(`${key} is stored already.`);
    let ordered = this.byAccount.get(record.accountId);
    if (ordered === undefined) {
      ordered = new OrderedRecords<T>();
      this.byAccount.set(record.accountId, ordered);
    }
    ordered.add(record);
    this.byKey.set(key, record);
    this.changes?.add(record);
  }

  /** Notes that a stored record was changed in place, so the next save writes it. */
  markChanged(record: T): void {
    this.changes?.add(record);
  }

  /** Starts noting added and changed records (for saving them). */
  trackChanges(): void {
    this.changes ??= new Set();
  }

  /** The records added or changed since the last call, in the order they first changed. */
  takeChanges(): T[] {
    if (this.changes === undefined || this.changes.size === 0) return [];
    const changed = [...this.changes];
    this.changes.clear();
    return changed;
  }

  values(): IterableIterator<T> {
    return this.byKey.values();
  }

  /** Leaves `record` out of `openAfter` from now on. */
  close(record: T): void {
    this.byAccount.get(record.accountId)?.close(record);
  }

  /** The account's records not closed, with a sequence after `sequence`, in creation order. */
  openAfter(accountId: string, sequence: number): Iterable<T> {
    return this.byAccount.get(accountId.toLowerCase())?.openAfter(sequence) ?? [];
  }
}
