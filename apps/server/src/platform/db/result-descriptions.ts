import pg from 'pg';

type ValueParser = (value: string) => unknown;
type TypeParsers = { getTypeParser(oid: number, format: string): ValueParser };

/** The parts of node-postgres's `Result` (pg 8) that describing a result's columns sets. */
interface ResultInternals {
  rowAsArray: boolean;
  fields: pg.FieldDef[];
  _parsers: ValueParser[] | undefined;
  _types: TypeParsers | undefined;
  _prebuiltEmptyResultObject: Record<string, null> | null;
  addFields(fields: pg.FieldDef[]): void;
}

/** What a result needs to read rows of one description: kept with the description when it is reused. */
interface ReadRows {
  types: TypeParsers;
  rowAsArray: boolean;
  parsers: ValueParser[];
  emptyRow: Record<string, null> | null;
}

/** The rows read of descriptions that come back (see `describedByConnection`), per description. */
const readRowsByDescription = new WeakMap<pg.FieldDef[], ReadRows>();

/**
 * node-postgres describes a result's columns on every execution, prepared statements included. Each
 * time it builds the empty row that rows read as objects are copied from as a dictionary object
 * (`Object.create(null)`) spread into a plain one: 5 µs for 20 columns, about 5 % of our CPU for a
 * read by id (docs/perf.md, 2026-12-02). Built as a plain object key by key it is a fast object
 * whose shape V8 already knows from the previous execution: 1.3 µs. Rows read as arrays never use
 * it: for them only the value parsers are set. A column named `__proto__` (a plain object would take
 * it for its prototype) keeps the original path. A description a named statement reuses (below)
 * keeps its parsers and empty row, for the same type parsers. result-descriptions.test.ts reads rows
 * in both forms, so that a pg upgrade which changes these internals fails there.
 */
function installLeanAddFields(): void {
  const prototype = pg.Result.prototype as unknown as ResultInternals;
  const original = prototype.addFields;
  const addFields = function (this: ResultInternals, fields: pg.FieldDef[]): void {
    const types = this._types ?? (pg.types as TypeParsers);
    const known = readRowsByDescription.get(fields);
    if (known && known.types === types && known.rowAsArray === this.rowAsArray) return readWith(this, fields, known);
    const parsers = new Array<ValueParser>(fields.length);
    const emptyRow: Record<string, null> | null = this.rowAsArray ? null : {};
    for (let index = 0; index < fields.length; index += 1) {
      const field = fields[index]!;
      if (field.name === '__proto__') return original.call(this, fields);
      parsers[index] = types.getTypeParser(field.dataTypeID, field.format || 'text');
      if (emptyRow) emptyRow[field.name] = null;
    }
    const readRows = { types, rowAsArray: this.rowAsArray, parsers, emptyRow };
    if (described.has(fields)) readRowsByDescription.set(fields, readRows);
    readWith(this, fields, readRows);
  };
  prototype.addFields = Object.assign(addFields, { lean: true as const });
}

function readWith(result: ResultInternals, fields: pg.FieldDef[], { parsers, emptyRow }: ReadRows): void {
  result.fields = fields;
  result._parsers = parsers;
  result._prebuiltEmptyResultObject = emptyRow;
}

/** The parts of node-postgres's connection a query's preparation writes to. */
interface WireConnection {
  bind(message: { portal: string; statement: string | undefined; values: unknown[] | undefined; binary: boolean | undefined; valueMapper: unknown }): void;
  close(message: { type: 'S'; name: string | undefined }): void;
  sync(): void;
}

/** The parts of node-postgres's `Query` (pg 8) that prepare a statement and read its description. */
interface QueryInternals {
  name: string | undefined;
  text: string | undefined;
  values: unknown[] | undefined;
  portal: string;
  rows: number | undefined;
  binary: boolean | undefined;
  /** Ours: the connection a named statement's Describe was sent on, to keep the description it answers. */
  describedOn?: WireConnection;
  hasBeenParsed(connection: WireConnection): boolean;
  prepare(connection: WireConnection): void;
  handleRowDescription(message: { fields: pg.FieldDef[] }): void;
  handleError(error: unknown, connection: WireConnection): void;
  _getRows(connection: WireConnection, rows: number | undefined): void;
}

/** node-postgres's conversion of a JavaScript value to a parameter's text, as its own preparation uses it. */
const prepareValue = (pg as unknown as { utils: { prepareValue: unknown } }).utils.prepareValue;

/** A named statement's result columns as the first Describe on a connection answered them, per connection and name. */
const describedByConnection = new WeakMap<WireConnection, Map<string, { text: string; fields: pg.FieldDef[] }>>();
/** The descriptions kept there, so that their parsers are kept too. */
const described = new WeakSet<pg.FieldDef[]>();

/**
 * node-postgres also asks for the description of every execution (a Describe message), which
 * PostgreSQL answers with a RowDescription that is parsed again: the same columns each time for a
 * named statement, whose result type PostgreSQL never lets change (it fails the execution with
 * "cached plan must not change result type"). So the first answer on a connection is kept, and the
 * statement's next executions there are sent without Describe and read with it, as pgJDBC and
 * Npgsql do (ADR 0037). Rows in binary format and portals read in pages keep node-postgres's own
 * path.
 */
function installDescribedOnce(): void {
  const prototype = pg.Query.prototype as unknown as QueryInternals;
  const originalPrepare = prototype.prepare;
  const originalRowDescription = prototype.handleRowDescription;
  prototype.prepare = function (this: QueryInternals, connection: WireConnection): void {
    const describable = this.name && !this.binary && !this.rows;
    const kept = describable && this.hasBeenParsed(connection) ? describedByConnection.get(connection)?.get(this.name!) : undefined;
    if (!kept || kept.text !== this.text) {
      if (describable) this.describedOn = connection;
      return originalPrepare.call(this, connection);
    }
    try {
      connection.bind({ portal: this.portal, statement: this.name, values: this.values, binary: this.binary, valueMapper: prepareValue });
    } catch (error) {
      // As node-postgres does: a value that cannot be sent fails the query, not the connection.
      connection.close({ type: 'S', name: this.name });
      connection.sync();
      this.handleError(error, connection);
      return;
    }
    this._getRows(connection, this.rows);
    this.handleRowDescription({ fields: kept.fields });
  };
  prototype.handleRowDescription = function (this: QueryInternals, message: { fields: pg.FieldDef[] }): void {
    const connection = this.describedOn;
    if (connection && this.name && this.text !== undefined) {
      this.describedOn = undefined;
      let byName = describedByConnection.get(connection);
      if (!byName) describedByConnection.set(connection, (byName = new Map()));
      byName.set(this.name, { text: this.text, fields: message.fields });
      described.add(message.fields);
    }
    originalRowDescription.call(this, message);
  };
}

/** Installs both, once. */
export function installLeanResultDescriptions(): void {
  if ((pg.Result.prototype as unknown as { addFields: { lean?: true } }).addFields.lean) return;
  installLeanAddFields();
  installDescribedOnce();
}
