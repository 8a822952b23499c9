/**
 * ISO 20022 reason codes of a rejected or returned SEPA debit (R-transaction) after which the
 * mandate can no longer be used, following the EPC guidance on SDD reason codes (EPC173-14): the
 * debtor's account is wrong, closed, blocked or barred from direct debit, the mandate is missing or
 * invalid, or the debtor has died. Collecting again needs a new mandate, so the rejection revokes it.
 *
 * Other codes keep the mandate: AM04 (insufficient funds), MS02/MS03 (refused by the debtor or its
 * bank without a reason), MD06 (refund request), and BE05 (creditor identifier incorrect), which is
 * fixed on the creditor's identity, not on the debtor's mandate.
 */
export const MANDATE_ENDING_REASON_CODES: ReadonlyMap<string, string> = new Map([
  ['AC01', 'account identifier incorrect'],
  ['AC04', 'account closed'],
  ['AC06', 'account blocked, or blocked for direct debits by the debtor'],
  ['AG01', 'direct debit forbidden on this account'],
  ['MD01', 'no valid mandate'],
  ['MD07', 'debtor deceased'],
]);

export function reasonEndsMandate(reasonCode: string): boolean {
  return MANDATE_ENDING_REASON_CODES.has(reasonCode);
}
