import type { ItemOf, ResponseOf } from '../../core/api/api-types';

/** API shapes of the CMS screens, derived from the generated OpenAPI types. */
export type CmsSite = ItemOf<'/api/v1/cms/sites'>;
export type CmsContent = ResponseOf<'/api/v1/cms/contents/{id}'>;
export type CmsContentSummary = ItemOf<'/api/v1/cms/contents'>;
export type CmsCategory = ItemOf<'/api/v1/cms/sites/{siteId}/categories'>;
export type CmsRevisionSummary = ItemOf<'/api/v1/cms/contents/{id}/revisions'>;
export type CmsRevisionDiff = ResponseOf<'/api/v1/cms/contents/{id}/revisions/compare'>;
export type CmsSyndication = ItemOf<'/api/v1/cms/sites/{siteId}/syndication-inbox'>;
export type RichTextDoc = CmsContent['body'];

export type ContentKind = CmsContent['kind'];
export type ContentStatus = CmsContent['status'];
