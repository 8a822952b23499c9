import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { inputProblems, jsonSchemaOf, MCP_TOOLS, ToolError, type ToolContext } from './mcp-tools.js';

export const MCP_SERVER_INFO = { name: 'maillage', version: '1.0.0' };

/**
 * One MCP server per HTTP request (stateless Streamable HTTP): it lists the tools with their JSON
 * Schemas and runs a call as the token's owner. Every call is audited (`ai.mcp.tool_called`),
 * refusals included; the wrapped API routes add their own audit.
 */
export function createMcpServer(context: ToolContext): Server {
  const server = new Server(MCP_SERVER_INFO, {
    capabilities: { tools: {} },
    instructions: 'Outils du réseau Maillage : entreprises (CRM) et base de connaissances. Citez les passages retournés par search_content avec leur lien.',
  });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: MCP_TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchemaOf(tool.input),
      outputSchema: jsonSchemaOf(tool.output),
      annotations: { readOnlyHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = MCP_TOOLS.find((candidate) => candidate.name === request.params.name);
    const args: unknown = request.params.arguments ?? {};
    let outcome: 'ok' | 'refused' | 'invalid' | 'error' = 'ok';
    try {
      if (!tool) {
        outcome = 'invalid';
        return failure(`Outil inconnu : ${request.params.name}.`);
      }
      const problems = inputProblems(tool, args);
      if (problems.length > 0) {
        outcome = 'invalid';
        return failure(`Arguments invalides : ${problems.join(' ; ')}`);
      }
      const result = (await tool.run(args, context)) as Record<string, unknown>;
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
    } catch (error) {
      if (error instanceof ToolError) {
        outcome = 'refused';
        return failure(error.message);
      }
      outcome = 'error';
      throw error;
    } finally {
      await auditCall(context, request.params.name, args, outcome);
    }
  });
  return server;
}

function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

async function auditCall(context: ToolContext, tool: string, args: unknown, outcome: string): Promise<void> {
  // The event belongs to the caller's entity for the tools' permissions (the first one held).
  const roots = ['ai.ask', 'crm.organizations.read'].map((permission) => context.principal.rootsFor(permission)).find((found) => found.length > 0) ?? [];
  const entityId = roots[0] ?? null;
  await withTransaction(context.database, { kind: 'entities', entityRoots: roots, userId: context.principal.userId }, (tx) =>
    recordAudit(tx, {
      action: 'ai.mcp.tool_called',
      resourceType: 'mcp_tool',
      resourceId: null,
      entityId,
      after: { tool, arguments: args as Record<string, unknown>, outcome, tokenId: context.principal.tokenId ?? null },
      actor: context.audit,
    }),
  );
}
