import { Type } from 'typebox';
import { Nullable, Uuid } from '@maillage/contracts';
import { RetrievalFiltersSchema, RetrievedChunkSchema } from '../retrieval/search.schema.js';

/** Input and output JSON Schemas of the MCP tools, published by `tools/list` (and in docs/ai-retrieval.md). */

export const SearchCompaniesInput = Type.Object(
  {
    query: Type.String({ minLength: 2, maxLength: 100, description: 'Company name (accents and small typos tolerated), SIREN prefix or city' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

const CompanyHit = Type.Object({
  id: Uuid(),
  siren: Type.String(),
  name: Type.String(),
  communeName: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  departementCode: Nullable(Type.String()),
  nafCode: Nullable(Type.String()),
});

export const SearchCompaniesOutput = Type.Object({ items: Type.Array(CompanyHit, { description: 'Best first' }) });

export const CompanyIdInput = Type.Object({ companyId: Uuid({ description: 'Company id (from search_companies)' }) }, { additionalProperties: false });

const LinkStatus = Type.Union([Type.Literal('prospect'), Type.Literal('member'), Type.Literal('former_member')]);

export const ReadCompanyOutput = Type.Object({
  id: Uuid(),
  siren: Type.String(),
  name: Type.String(),
  legalName: Nullable(Type.String()),
  nafCode: Nullable(Type.String()),
  legalForm: Nullable(Type.String()),
  headcountBand: Nullable(Type.String()),
  address: Type.Object({
    street: Nullable(Type.String()),
    postalCode: Nullable(Type.String()),
    communeName: Nullable(Type.String()),
    departementCode: Nullable(Type.String()),
  }),
  website: Nullable(Type.String()),
  links: Type.Array(Type.Object({ entityId: Uuid(), status: LinkStatus, tags: Type.Array(Type.String()) }), {
    description: "Relations of the caller's entities (and their subtrees) with the company; other branches' are never shown",
  }),
});

export const MemberStatusOutput = Type.Object({
  companyId: Uuid(),
  name: Type.String(),
  siren: Type.String(),
  isMember: Type.Boolean({ description: "True when one of the caller's entities counts the company as a member" }),
  statuses: Type.Array(Type.Object({ entityId: Uuid(), status: LinkStatus })),
});

export const SearchContentInput = Type.Object(
  {
    question: Type.String({ minLength: 2, maxLength: 2000 }),
    filters: Type.Optional(RetrievalFiltersSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 8 })),
  },
  { additionalProperties: false },
);

export const SearchContentOutput = Type.Object({ items: Type.Array(RetrievedChunkSchema, { description: 'Best first' }) });
