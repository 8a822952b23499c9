/** MCP server of the AI Hub (ADR 0019): tools over the CRM and the knowledge base, for external assistants. */
export { registerMcp } from './register.js';
export { MCP_TOOLS, jsonSchemaOf } from './mcp-tools.js';
export { createMcpServer, MCP_SERVER_INFO } from './mcp-server.js';
