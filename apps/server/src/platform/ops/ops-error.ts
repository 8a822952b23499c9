/** An operation refused or stopped for a reason the operator can act on; the message says what to do. */
export class OpsError extends Error {
  override name = 'OpsError';
}
