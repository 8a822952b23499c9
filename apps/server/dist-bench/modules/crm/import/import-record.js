/**
 * `Ligne 12, colonne « SIREN » : Le SIREN … est invalide…` — one line of the rejection report;
 * `row` is the spreadsheet row number staff see in Excel.
 */
export function describeRowProblem(row, problem) {
    return `Ligne ${row}, colonne « ${problem.column} » : ${problem.message}`;
}
//# sourceMappingURL=import-record.js.map