import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { ForbiddenError } from '../../../platform/http/errors.js';
import { SEGMENT_TARGET_SPECS, type SegmentActor, type SegmentDeps, type SegmentTargetSpec } from './segment-targets.js';
import type { Segment, SegmentMembersQuery } from './segments.schema.js';
import { requireSegment } from './segments.service.js';
import { SEGMENT_PERMISSIONS } from './permissions.js';

/**
 * A segment's members are what its target list returns for the saved filter, read by that list's
 * own service under the caller's scope for the target: two branches sharing a segment definition
 * would each count only the rows they can see.
 */
export async function segmentMembers(
  deps: SegmentDeps,
  actor: SegmentActor,
  id: string,
  paging: SegmentMembersQuery,
): Promise<{ segment: Segment; page: CollectionPage<unknown> }> {
  const segment = await withTransaction(deps.database, scopeOf(actor.principal, SEGMENT_PERMISSIONS.read), (tx) => requireSegment(tx, id), { readOnly: true });
  const spec = SEGMENT_TARGET_SPECS[segment.target];
  requireTargetPermission(actor.principal, spec);
  const query = segmentCollectionQuery(segment, paging);
  return { segment, page: await spec.list(deps, actor, query) };
}

/**
 * The target list's query for a segment: what exports, campaigns and the AI Hub run to read its
 * members through the target's own list code. The paging parameters join the saved filter, so that
 * cursors bind to both, as on the list itself.
 */
export function segmentCollectionQuery(segment: Segment, paging: SegmentMembersQuery = {}): CollectionQuery {
  return SEGMENT_TARGET_SPECS[segment.target].collection.parse({ ...segment.filter, ...paging });
}

export async function segmentCount(deps: SegmentDeps, actor: SegmentActor, id: string): Promise<{ segment: Segment; count: number }> {
  // One row is fetched besides the count: the list service is reused as is, so the count applies
  // exactly the list's conditions (some, like a company's status, are not plain column filters).
  const { segment, page } = await segmentMembers(deps, actor, id, { limit: 1, count: 'exact' });
  return { segment, count: page.count ?? 0 };
}

function requireTargetPermission(principal: Principal, spec: SegmentTargetSpec): void {
  if (principal.rootsFor(spec.readPermission).length === 0) {
    throw new ForbiddenError(`Reading this segment's members requires the permission "${spec.readPermission}".`);
  }
}

function scopeOf(principal: Principal, permission: string): DbScope {
  return { kind: 'entities', entityRoots: principal.rootsFor(permission), userId: principal.userId };
}
