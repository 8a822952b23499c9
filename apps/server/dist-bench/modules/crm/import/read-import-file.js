import { mapColumns } from './column-mapping.js';
import { readCsv } from './csv/read-csv.js';
import { InFileDeduplicator } from './in-file-deduplication.js';
import { validateImportRow } from './validate-row.js';
/**
 * Opens an import: reads the header line, maps columns, then streams validated, de-duplicated
 * rows, numbered as in a spreadsheet (header = row 1).
 */
export async function openImportFile(source, options = {}) {
    const reader = readCsv(source, options);
    const iterator = reader[Symbol.asyncIterator]();
    const first = await iterator.next();
    // readCsv throws on an empty file, so the first record is the header.
    const headers = first.done ? [] : first.value.fields;
    const { mapping, ignoredHeaders, problems } = mapColumns(headers, options.columns);
    const deduplicator = new InFileDeduplicator();
    async function* rows() {
        if (problems.length > 0)
            return;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            const { row, line, fields } = next.value;
            const validation = validateImportRow(fields, mapping);
            yield validation.ok ? { ...validation, row, line, duplicate: deduplicator.observe(row, validation.record) } : { ...validation, row, line };
        }
    }
    return {
        get encoding() {
            return reader.encoding;
        },
        get separator() {
            return reader.separator;
        },
        headers,
        mapping,
        ignoredHeaders,
        problems,
        rows: { [Symbol.asyncIterator]: () => rows() },
        deduplicator,
    };
}
//# sourceMappingURL=read-import-file.js.map