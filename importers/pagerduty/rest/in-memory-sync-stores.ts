/**
 * In-memory sink and checkpoint store, for tests and benchmarks of the sync without a database.
 * Cursors go through JSON like a `Json` column would, so a cursor that does not survive
 * serialisation fails here too.
 */
import type { CheckpointStore, SyncResource, SyncSink } from "./sync-types";

export interface InMemoryCheckpointStore extends CheckpointStore {
  readonly cursors: Map<string, unknown>;
  saves: number;
}

export function createInMemoryCheckpointStore(): InMemoryCheckpointStore {
  const cursors = new Map<string, unknown>();
  const store: InMemoryCheckpointStore = {
    cursors,
    saves: 0,
    async load(resource) {
      return cursors.has(resource) ? (cursors.get(resource) ?? null) : null;
    },
    async save(resource, cursor) {
      cursors.set(resource, JSON.parse(JSON.stringify(cursor)));
      store.saves += 1;
    },
  };
  return store;
}

export interface InMemorySink extends SyncSink {
  /** Every object written, per resource, in order, duplicates included. */
  readonly written: Record<SyncResource, unknown[]>;
  writes: number;
}

export function createInMemorySink(): InMemorySink {
  const sink: InMemorySink = {
    written: {
      users: [],
      teams: [],
      services: [],
      escalation_policies: [],
      schedules: [],
      incidents: [],
      log_entries: [],
      oncalls: [],
    },
    writes: 0,
    async writeObjects(resource, objects) {
      sink.written[resource].push(...objects);
      sink.writes += 1;
    },
  };
  return sink;
}
