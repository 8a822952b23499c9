import { Type } from 'typebox';
import { defineMessage } from '../../../platform/bus/index.js';

const Payload = Type.Object({ contentId: Type.String({ format: 'uuid' }), siteId: Type.String({ format: 'uuid' }) });

/**
 * A content item went live or its published revision changed (API or scheduled publication). Sent
 * inside the publishing transaction. Syndicated copies are not announced separately: look up
 * `cms_syndications` of `contentId` for the receiving sites.
 */
export const ContentPublished = defineMessage({ name: 'cms.content-published', schema: Payload, retryLimit: 5 });

/** A content item stopped being live (unpublished, archived, scheduled unpublication). */
export const ContentUnpublished = defineMessage({ name: 'cms.content-unpublished', schema: Payload, retryLimit: 5 });

/** Every minute: publishes and unpublishes the items whose `publish_at` / `unpublish_at` is due. */
export const RunScheduledPublication = defineMessage({
  name: 'cms.scheduled-publication',
  schema: Type.Object({}),
  retryLimit: 1,
  deadLetter: false,
  expireInSeconds: 10 * 60,
});
