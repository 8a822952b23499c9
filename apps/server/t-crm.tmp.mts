import { createReadStream } from 'node:fs';
import { openImportFile } from './src/modules/crm/import/read-import-file.js';
import { describeRowProblem } from './src/modules/crm/import/import-record.js';
const file = await openImportFile(createReadStream('/work/shared/fixtures/import/adherents-export-excel.csv'));
console.log(file.encoding, file.separator, file.problems, file.ignoredHeaders);
let n = 0, bad = 0; const approx = [];
for await (const row of file.rows) {
  n++;
  if (!row.ok) { bad++; for (const p of row.problems) console.log(describeRowProblem(row.row, p)); }
  else { if (row.duplicate?.companyFirstRow || row.duplicate?.contactFirstRow) console.log("dup", row.row, row.duplicate); }
}
console.log(n, bad, file.deduplicator.companyCount, file.deduplicator.contactCount, file.encoding);
