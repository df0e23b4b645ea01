import type pg from "pg";

/**
 * Multi-row inserts as `INSERT … SELECT * FROM unnest($1::int[], $2::text[], …)`: one statement
 * and one parameter per column carries thousands of rows, values never touch the SQL text, and
 * the statement text is the same for every batch. Table and column names come only from the
 * constant specs in seed-tables.ts.
 */

export interface ColumnSpec<Row> {
  name: string;
  /** Postgres element type of the unnest array, e.g. "int", "timestamptz", "incident_status". */
  type: string;
  value: (row: Row) => string | number | boolean | null;
}

export interface TableSpec<Row> {
  table: string;
  columns: readonly ColumnSpec<Row>[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function quoted(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Unexpected SQL identifier: ${identifier}`);
  return `"${identifier}"`;
}

export function insertStatement<Row>(spec: TableSpec<Row>): string {
  const names = spec.columns.map((column) => quoted(column.name)).join(", ");
  const arrays = spec.columns
    .map((column, index) => `$${index + 1}::${quoted(column.type)}[]`)
    .join(", ");
  return `INSERT INTO ${quoted(spec.table)} (${names}) SELECT * FROM unnest(${arrays})`;
}

export class TableBuffer<Row> {
  readonly statement: string;
  private columns: (string | number | boolean | null)[][];
  size = 0;
  written = 0;

  constructor(readonly spec: TableSpec<Row>) {
    this.statement = insertStatement(spec);
    this.columns = spec.columns.map(() => []);
  }

  add(row: Row): void {
    const { columns } = this.spec;
    for (let index = 0; index < columns.length; index++) {
      (this.columns[index] as unknown[]).push((columns[index] as ColumnSpec<Row>).value(row));
    }
    this.size++;
  }

  take(): (string | number | boolean | null)[][] {
    const taken = this.columns;
    this.columns = this.spec.columns.map(() => []);
    this.written += this.size;
    this.size = 0;
    return taken;
  }
}

/**
 * Buffers rows per table and flushes every buffer, parents first, once any of them is full, so
 * foreign keys always point at rows already sent. Batches run one after another in the
 * order they are chained, so up to `maxInFlight` batches wait their turn while the next week is
 * generated; memory stays at a few batches whatever the scale.
 */
export class BatchWriter {
  private readonly buffers: TableBuffer<never>[] = [];
  private readonly inFlight: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly batchSize = 5_000,
    private readonly maxInFlight = 3,
  ) {}

  /** Register tables in dependency order (parents before children). */
  table<Row>(spec: TableSpec<Row>): TableBuffer<Row> {
    const buffer = new TableBuffer(spec);
    this.buffers.push(buffer as unknown as TableBuffer<never>);
    return buffer;
  }

  isFull(): boolean {
    return this.buffers.some((buffer) => buffer.size >= this.batchSize);
  }

  async flushIfFull(): Promise<void> {
    if (this.isFull()) await this.flush();
  }

  async flush(): Promise<void> {
    for (const buffer of this.buffers) {
      if (buffer.size === 0) continue;
      while (this.inFlight.length >= this.maxInFlight) await this.inFlight.shift();
      this.throwIfFailed();
      const statement = buffer.statement;
      const parameters = buffer.take();
      // Chained rather than issued at once: node-postgres deprecates overlapping query() calls.
      this.tail = this.tail
        .then(async () => {
          if (this.failure === undefined) await this.client.query(statement, parameters);
        })
        .catch((error: unknown) => {
          this.failure ??= error;
        });
      this.inFlight.push(this.tail);
    }
  }

  /** Flush everything and wait until Postgres has it. */
  async finish(): Promise<void> {
    await this.flush();
    while (this.inFlight.length > 0) await this.inFlight.shift();
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
