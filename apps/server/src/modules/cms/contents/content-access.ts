import type { Tx } from '../../../platform/db/index.js';
import { ForbiddenError, NotFoundError } from '../../../platform/http/errors.js';
import type { CmsActor } from '../core/cms-actor.js';
import { findContentRow, type ContentRow } from './contents.repository.js';

export async function requireContentRow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ContentRow> {
  const row = await findContentRow(tx, id, options);
  if (!row) throw new NotFoundError('Content');
  return row;
}

/** 403 when the actor lacks the permission on the item's entity (the item is visible through another permission). */
export function assertHolds(actor: CmsActor, permission: string, entityId: string, detail: string): void {
  if (!actor.principal.holdsOn(permission, entityId)) throw new ForbiddenError(detail, 'cms_permission_required');
}
