import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../../../platform/http/errors.js';
import { IDEMPOTENCY_HEADER } from '../../../platform/http/idempotency.js';

/**
 * preValidation for routes whose response carries a secret shown once (access token, temporary
 * password, TOTP secret, recovery codes): a replayable response would keep that secret in the
 * idempotency store for a day, so the key is refused rather than honoured.
 */
export async function refuseIdempotencyKey(request: FastifyRequest): Promise<void> {
  if (request.headers[IDEMPOTENCY_HEADER] !== undefined) {
    throw new BadRequestError(
      'This request returns a secret shown only once, so it cannot be replayed: send it without Idempotency-Key.',
      [],
      'idempotency_not_supported',
    );
  }
}
