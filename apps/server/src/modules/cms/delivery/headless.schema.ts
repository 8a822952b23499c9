import { Type, type Static } from 'typebox';
import { RichTextDocumentSchema } from '../rich-text/index.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const PublicContentSummarySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('page'), Type.Literal('article'), Type.Literal('document')]),
    title: Type.String(),
    summary: Nullable(Type.String()),
    path: Type.String({ description: 'Site-relative path, e.g. /actualites/assemblee-generale' }),
    url: Type.String({ description: 'Canonical absolute URL (the origin site’s for a syndicated article)' }),
    publishedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    author: Nullable(Type.String()),
    tags: Type.Array(Type.String()),
    categories: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() }, { additionalProperties: false })),
    coverMediaId: Nullable(Type.String({ format: 'uuid' })),
    syndicatedFrom: Nullable(Type.Object({ siteSlug: Type.String(), siteName: Type.String() }, { additionalProperties: false, description: 'Origin site of a syndicated article' })),
  },
  { additionalProperties: false },
);
export type PublicContentSummary = Static<typeof PublicContentSummarySchema>;

export const PublicContentSchema = Type.Object(
  {
    ...PublicContentSummarySchema.properties,
    body: RichTextDocumentSchema,
    bodyHtml: Type.String({ description: 'The body rendered to safe HTML (same as the public site)' }),
    plainText: Type.String(),
  },
  { additionalProperties: false },
);
export type PublicContent = Static<typeof PublicContentSchema>;

export const PublicSiteParamsSchema = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: 'Site slug' }) });
export const PublicContentParamsSchema = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: 'Site slug' }),
  '*': Type.String({ maxLength: 512, description: 'Site-relative path without the leading slash, e.g. actualites/assemblee-generale' }),
});
