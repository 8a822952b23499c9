import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { Database } from '../../../platform/db/index.js';
import type { FeatureFlags } from '../../../platform/flags/index.js';
import { ForbiddenError } from '../../../platform/http/errors.js';
import { resolveAskerFor } from '../answers/asker.js';
import { AI_PERMISSIONS } from '../knowledge/permissions.js';
import type { Retriever } from '../retrieval/retrieve-chunks.js';
import { searchKnowledge } from '../retrieval/search.service.js';
import {
  CompanyIdInput,
  MemberStatusOutput,
  ReadCompanyOutput,
  SearchCompaniesInput,
  SearchCompaniesOutput,
  SearchContentInput,
  SearchContentOutput,
} from './mcp-tools.schema.js';

/** What a tool call knows: the caller (a personal access token) and how to reach our own API as them. */
export interface ToolContext {
  app: FastifyInstance;
  database: Database;
  flags: FeatureFlags;
  /** Retrieval as the search route runs it (embeddings included when configured). */
  retrieve: Retriever;
  principal: Principal;
  /** The caller's `Authorization` header, forwarded to the API routes the CRM tools wrap. */
  authorization: string;
  audit: AuditActor;
}

/** The permissions the tools need: the CRM tools' and search_content's. */
export const MCP_TOOL_PERMISSIONS = ['crm.organizations.read', AI_PERMISSIONS.ask] as const;

/** A refusal the model should read (French, no internals). */
export class ToolError extends Error {}

export interface ToolDefinition<I extends TSchema = TSchema, O extends TSchema = TSchema> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  run(args: Static<I>, context: ToolContext): Promise<Static<O>>;
}

/**
 * The CRM tools call the CRM's own routes in-process (`app.inject` with the caller's token): the
 * CRM's permission checks, RLS scope and audit apply unchanged, and no CRM internals are imported.
 */
async function callApi<T>(context: ToolContext, url: string): Promise<T> {
  const response = await context.app.inject({ method: 'GET', url, headers: { authorization: context.authorization, 'x-request-id': context.audit.requestId ?? '' } });
  if (response.statusCode === 404) throw new ToolError('Entreprise introuvable ou inaccessible.');
  if (response.statusCode === 403) throw new ToolError("Votre jeton n'a pas la permission de consulter les entreprises (crm.organizations.read).");
  if (response.statusCode === 429) throw new ToolError('Trop de requêtes : réessayez dans un instant.');
  if (response.statusCode !== 200) throw new ToolError(`La requête a échoué (HTTP ${response.statusCode}).`);
  return response.json<T>();
}

interface OrganizationResponse {
  id: string;
  siren: string;
  name: string;
  legalName: string | null;
  nafCode: string | null;
  legalForm: string | null;
  headcountBand: string | null;
  address: { street: string | null; postalCode: string | null; communeName: string | null; departementCode: string | null };
  website: string | null;
  links: Array<{ entityId: string; status: 'prospect' | 'member' | 'former_member'; tags: string[] }>;
}

const searchCompanies: ToolDefinition<typeof SearchCompaniesInput, typeof SearchCompaniesOutput> = {
  name: 'search_companies',
  title: 'Rechercher des entreprises',
  description: 'Find companies of the network by name (accents and typos tolerated), SIREN prefix or city. Needs crm.organizations.read.',
  input: SearchCompaniesInput,
  output: SearchCompaniesOutput,
  async run(args, context) {
    const query = new URLSearchParams({ q: args.query, limit: String(args.limit ?? 10) });
    const result = await callApi<{ items: Array<Static<typeof SearchCompaniesOutput>['items'][number] & { score: number }> }>(context, `/api/v1/search/organizations?${query}`);
    return { items: result.items.map(({ id, siren, name, communeName, postalCode, departementCode, nafCode }) => ({ id, siren, name, communeName, postalCode, departementCode, nafCode })) };
  },
};

const readCompany: ToolDefinition<typeof CompanyIdInput, typeof ReadCompanyOutput> = {
  name: 'read_company',
  title: 'Lire une entreprise',
  description: "Read a company's public identity and your entities' relations with it. Needs crm.organizations.read.",
  input: CompanyIdInput,
  output: ReadCompanyOutput,
  async run(args, context) {
    const company = await callApi<OrganizationResponse>(context, `/api/v1/organizations/${encodeURIComponent(args.companyId)}`);
    return {
      id: company.id,
      siren: company.siren,
      name: company.name,
      legalName: company.legalName,
      nafCode: company.nafCode,
      legalForm: company.legalForm,
      headcountBand: company.headcountBand,
      address: { street: company.address.street, postalCode: company.address.postalCode, communeName: company.address.communeName, departementCode: company.address.departementCode },
      website: company.website,
      links: company.links.map(({ entityId, status, tags }) => ({ entityId, status, tags })),
    };
  },
};

const memberStatus: ToolDefinition<typeof CompanyIdInput, typeof MemberStatusOutput> = {
  name: 'member_status',
  title: "Statut d'adhésion",
  description: 'Is the company a member of one of your entities? Its status (prospect, member, former_member) per entity you may read.',
  input: CompanyIdInput,
  output: MemberStatusOutput,
  async run(args, context) {
    const company = await callApi<OrganizationResponse>(context, `/api/v1/organizations/${encodeURIComponent(args.companyId)}`);
    const statuses = company.links.map(({ entityId, status }) => ({ entityId, status }));
    return { companyId: company.id, name: company.name, siren: company.siren, isMember: statuses.some((link) => link.status === 'member'), statuses };
  },
};

const searchContent: ToolDefinition<typeof SearchContentInput, typeof SearchContentOutput> = {
  name: 'search_content',
  title: 'Rechercher dans les contenus',
  description:
    'Search the knowledge base (documents, published CMS content): ranked passages you may read, with title, link, offsets and version to cite. Needs ai.ask.',
  input: SearchContentInput,
  output: SearchContentOutput,
  async run(args, context) {
    if (context.principal.rootsFor(AI_PERMISSIONS.ask).length === 0) throw new ToolError("Votre jeton n'a pas la permission d'interroger la base de connaissances (ai.ask).");
    const request = { question: args.question, ...(args.filters ? { filters: args.filters } : {}), ...(args.limit ? { limit: args.limit } : {}) };
    const asker = await resolveAskerFor(context.principal, context.flags).catch((error: unknown) => {
      throw error instanceof ForbiddenError ? new ToolError(error.message) : error;
    });
    const { items } = await searchKnowledge(context.retrieve, context.database, asker, context.audit, request, 'mcp');
    return { items };
  },
};

export const MCP_TOOLS: ToolDefinition[] = [searchCompanies, readCompany, memberStatus, searchContent] as unknown as ToolDefinition[];

const validators = new Map(MCP_TOOLS.map((tool) => [tool.name, Compile(tool.input)]));

/** Input problems in French-readable form, or an empty list. */
export function inputProblems(tool: ToolDefinition, args: unknown): string[] {
  const validator = validators.get(tool.name)!;
  return validator.Check(args) ? [] : [...validator.Errors(args)].map((issue) => `${issue.instancePath || '/'} : ${issue.message}`);
}

/** A TypeBox schema as plain JSON Schema (what MCP clients read). */
export function jsonSchemaOf(schema: TSchema): { type: 'object'; [key: string]: unknown } {
  // Nested `$id`s (shared API components) would clash in a client that compiles each tool's schema.
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === '$id' ? undefined : value)) as { type: 'object'; [key: string]: unknown };
}
