import pg from 'pg';

type ValueParser = (value: string) => unknown;

/** The parts of node-postgres's `Result` (pg 8) that describing a result's columns sets. */
interface ResultInternals {
  rowAsArray: boolean;
  fields: pg.FieldDef[];
  _parsers: ValueParser[] | undefined;
  _types: { getTypeParser(oid: number, format: string): ValueParser } | undefined;
  _prebuiltEmptyResultObject: Record<string, null> | null;
  addFields(fields: pg.FieldDef[]): void;
}

/**
 * node-postgres describes a result's columns on every execution, prepared statements included. Each
 * time it builds the empty row that rows read as objects are copied from as a dictionary object
 * (`Object.create(null)`) spread into a plain one: 5 µs for 20 columns, about 5 % of our CPU for a
 * read by id (docs/perf.md, 2026-12-02). Built as a plain object key by key it is a fast object
 * whose shape V8 already knows from the previous execution: 1.3 µs. Rows read as arrays never use
 * it: for them only the value parsers are set. A column named `__proto__` (a plain object would take
 * it for its prototype) keeps the original path. result-descriptions.test.ts reads rows in both
 * forms, so that a pg upgrade which changes these internals fails there.
 */
export function installLeanResultDescriptions(): void {
  const prototype = pg.Result.prototype as unknown as ResultInternals;
  const original = prototype.addFields;
  if ((original as { lean?: true }).lean) return;
  const addFields = function (this: ResultInternals, fields: pg.FieldDef[]): void {
    const types = this._types ?? pg.types;
    const parsers = new Array<ValueParser>(fields.length);
    const emptyRow: Record<string, null> | null = this.rowAsArray ? null : {};
    for (let index = 0; index < fields.length; index += 1) {
      const field = fields[index]!;
      if (field.name === '__proto__') return original.call(this, fields);
      parsers[index] = types.getTypeParser(field.dataTypeID, (field.format || 'text') as 'text');
      if (emptyRow) emptyRow[field.name] = null;
    }
    this.fields = fields;
    this._parsers = parsers;
    this._prebuiltEmptyResultObject = emptyRow;
  };
  prototype.addFields = Object.assign(addFields, { lean: true as const });
}
