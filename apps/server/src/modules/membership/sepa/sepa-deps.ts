import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';
import { INVOICE_PERMISSIONS } from '../invoicing/permissions.js';

/** SEPA reuses the invoice permissions: collecting dues is part of invoicing them. */
export const SEPA_PERMISSIONS = INVOICE_PERMISSIONS;

export interface SepaDeps {
  database: Database;
  cipher: FieldCipher;
}

export interface SepaActor {
  principal: Principal;
  audit: AuditActor;
}

export function sepaWriteScope(actor: SepaActor): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(SEPA_PERMISSIONS.write), userId: actor.principal.userId };
}
