// The emulator's state: plain records, easy to persist as JSON. Status, ports and elapsed time
// are not stored; they are derived from these records and the clock whenever a request reads them.
import type { WireConversionSettings, WireError, WireSessionSize } from "../operations/wireTypes.js";
import { ResourceTable } from "./resourceTable.js";

export { resourceKey } from "./resourceTable.js";

export interface StoredSession {
  /** Lower-case account id. */
  accountId: string;
  id: string;
  /** Creation order across the emulator; also the paging key. */
  sequence: number;
  size: WireSessionSize;
  /** The lease asked for at creation; a retried create must repeat it to get 200. */
  requestedLeaseInMinutes: number;
  maxLeaseTimeMinutes: number;
  createdAtInMs: number;
  creationTime: string;
  readyAtInMs: number;
  stoppedAtInMs: number | null;
  hostname: string;
  handshakePort: number;
  arrInspectorPort: number;
  teraflops: number;
  /** Set when the session is meant to fail to start: it turns to Error at `readyAtInMs`. */
  startFailure: WireError | null;
}

export interface StoredConversion {
  accountId: string;
  id: string;
  sequence: number;
  createdAtInMs: number;
  creationTime: string;
  /** Normalized settings, without shared access signatures (those are never kept). */
  settings: WireConversionSettings;
  runningAtInMs: number;
  finishedAtInMs: number;
  /** Set when the conversion is meant to fail: it turns to Failed at `finishedAtInMs`. */
  failure: WireError | null;
}

export interface EmulatorState {
  /** Sessions; the ones stopped or seen to have ended are closed (lists skip them). */
  sessions: ResourceTable<StoredSession>;
  conversions: ResourceTable<StoredConversion>;
  nextSequence: number;
}

export function createEmptyState(): EmulatorState {
  return { sessions: new ResourceTable(), conversions: new ResourceTable(), nextSequence: 1 };
}
