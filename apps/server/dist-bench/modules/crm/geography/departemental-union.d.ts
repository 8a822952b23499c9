/**
 * The INSEE département code of the departmental union (network `departement` entity) a member
 * with an address in `departementCode` belongs to, or null when the network has none.
 */
export declare function departementalUnionCode(departementCode: string): string | null;
