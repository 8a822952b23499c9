/** The CMS bus messages (cross-helper contract: `modules/cms/cms.messages.ts`); defined in core/. */
export { ContentPublished, ContentUnpublished, RunScheduledPublication } from './core/cms.messages.js';
