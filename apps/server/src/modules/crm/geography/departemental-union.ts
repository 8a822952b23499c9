/**
 * Saint-Barthélemy (977) and Saint-Martin (978) were communes of Guadeloupe until 2007 and still use
 * its 971xx postal codes and +590 numbers: their members join the Guadeloupe union. The network
 * tree has no union for collectivités d'outre-mer (see the network seed), hence the attachment.
 */
const ATTACHED_TO_ANOTHER_UNION: Readonly<Record<string, string>> = { '977': '971', '978': '971' };

/**
 * Saint-Pierre-et-Miquelon (975) has no union and no natural neighbour: its members need a decision
 * by the national office (null), rather than a silent attachment.
 */
const WITHOUT_UNION = new Set(['975']);

/**
 * The INSEE département code of the departmental union (network `departement` entity) a member
 * with an address in `departementCode` belongs to, or null when the network has none.
 */
export function departementalUnionCode(departementCode: string): string | null {
  if (WITHOUT_UNION.has(departementCode)) return null;
  return ATTACHED_TO_ANOTHER_UNION[departementCode] ?? departementCode;
}
