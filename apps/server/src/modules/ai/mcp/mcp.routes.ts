import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePrincipal, type Principal } from '../../../platform/auth/index.js';
import type { Database } from '../../../platform/db/index.js';
import type { FeatureFlags } from '../../../platform/flags/index.js';
import { AppError, ForbiddenError } from '../../../platform/http/errors.js';
import { problemResponses } from '../../../platform/http/responses.js';
import { ANSWER_MESSAGES } from '../answers/answer-messages.js';
import { assistantEnabledRoots } from '../answers/asker.js';
import { createMcpServer } from './mcp-server.js';
import { MCP_TOOL_PERMISSIONS } from './mcp-tools.js';
import type { Retriever } from '../retrieval/retrieve-chunks.js';

const JsonRpcMessage = Type.Object({ jsonrpc: Type.Literal('2.0') }, { additionalProperties: true, description: 'A JSON-RPC 2.0 message (MCP)' });

/**
 * `/api/v1/mcp`: Model Context Protocol over Streamable HTTP, stateless (no session id: each POST
 * carries one JSON-RPC message and gets its answer as JSON). Personal access tokens only.
 */
export async function mcpRoutes(instance: FastifyInstance, deps: { database: Database; flags: FeatureFlags; retrieve: Retriever }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const root = instance;

  app.post(
    '/api/v1/mcp',
    {
      schema: {
        tags: ['ai'],
        summary: 'MCP endpoint (Streamable HTTP, stateless): tools search_companies, read_company, member_status, search_content',
        description:
          'Send `Authorization: Bearer <personal access token>`; tools act with the token\'s permissions and are audited. ' +
          'Accept: application/json, text/event-stream. Tool input and output JSON Schemas are returned by `tools/list` and listed in docs/ai-retrieval.md. ' +
          '403 `ai_assistant_disabled` when the assistant (feature flag ai.assistant) is off for every entity where the token holds a tool permission.',
        body: Type.Union([JsonRpcMessage, Type.Array(JsonRpcMessage, { minItems: 1, maxItems: 20 })]),
        response: {
          200: Type.Unknown({ description: 'JSON-RPC response(s)' }),
          202: Type.Null({ description: 'Notification or response accepted (no body)' }),
          ...problemResponses(400, 401, 403, 406, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (principal.via !== 'token') throw new ForbiddenError("Le serveur MCP s'utilise avec un jeton d'accès personnel (Authorization: Bearer).", 'token_required');
      await requireAssistantEnabled(principal, deps.flags);
      const server = createMcpServer({ app: root, database: deps.database, flags: deps.flags, retrieve: deps.retrieve, principal, authorization: request.headers.authorization!, audit: auditActorFrom(request) });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      reply.hijack();
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request.raw, reply.raw, request.body);
    },
  );

  // Stateless: no server-initiated stream and no session to end.
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/v1/mcp',
      // Answered for MCP clients that probe them; not part of the documented API.
      schema: { hide: true, tags: ['ai'], summary: `${method} is not used by this stateless MCP server (405)`, response: problemResponses(401, 405) },
      handler: async () => {
        throw new AppError('method_not_allowed', 405, 'Method not allowed', 'Ce serveur MCP sans session accepte uniquement POST.', [], { allow: 'POST' });
      },
    });
  }
}

/** The MCP server is part of the assistant: off (403) where flag ai.assistant is off for every entity the token may use a tool on. */
async function requireAssistantEnabled(principal: Principal, flags: FeatureFlags): Promise<void> {
  const roots = [...new Set(MCP_TOOL_PERMISSIONS.flatMap((permission) => principal.rootsFor(permission)))];
  if ((await assistantEnabledRoots(flags, principal.userId, roots)).length === 0) throw new ForbiddenError(ANSWER_MESSAGES.disabled, 'ai_assistant_disabled');
}
