import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import type { SignedIn } from '../../../test/auth.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { insertCompany } from '../../../test/factories/membership.js';
import { multipartForm } from '../knowledge/testing/multipart.js';

interface Chunk {
  title: string;
  visibility: string;
}

describe('MCP server (Streamable HTTP, stateless) over real HTTP', () => {
  let net: CrmTestNetwork;
  let baseUrl: string;
  let companyId: string;
  const tokens: Record<string, string> = {};
  const clients: Client[] = [];
  let assistantFlagEtag: string;

  const tokenFor = async (who: SignedIn, permissions: string[]) => {
    const response = await net.call(who, 'POST', '/api/v1/personal-access-tokens', {
      name: 'Assistant externe',
      permissions,
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ token: string }>().token;
  };
  const connect = async (token: string) => {
    const client = new Client({ name: 'maillage-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/api/v1/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    net = await createCrmTestNetwork('ai-mcp');
    const flag = await net.call(net.staff.national, 'POST', '/api/v1/feature-flags', { key: 'ai.assistant', kind: 'boolean', defaultVariant: 'on' });
    expect(flag.statusCode, flag.body).toBe(201);
    assistantFlagEtag = flag.headers.etag as string;
    baseUrl = await net.t.app.listen({ port: 0, host: '127.0.0.1' });
    const permissions = ['ai.ask', 'crm.organizations.read'];
    tokens.rhone = await tokenFor(net.staff.rhone, permissions);
    tokens.paris = await tokenFor(net.staff.paris, permissions);
    tokens.parisNoCrm = await tokenFor(net.staff.paris, ['ai.ask']);

    // A staff-only note of the Rhône, uploaded and indexed through the API and the bus.
    const created = await net.call(net.staff.rhone, 'POST', '/api/v1/ai/collections', { entityId: net.ids['69'], name: 'Interne', visibility: 'staff' });
    const collectionId = created.json<{ id: string }>().id;
    const form = multipartForm({ name: 'note.md', type: 'text/markdown', content: '# Consigne interne\n\nLa consigne zorglub du Rhône reste confidentielle.' });
    const uploaded = await net.t.app.inject({ method: 'POST', url: `/api/v1/ai/collections/${collectionId}/documents`, headers: { ...net.staff.rhone.headers('POST'), ...form.headers }, payload: form.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    for (let attempt = 0; attempt < 120; attempt++) {
      const list = await net.call(net.staff.rhone, 'GET', `/api/v1/ai/collections/${collectionId}/documents`);
      if (list.json<{ counts: { pending: number } }>().counts.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // A company the Rhône union counts as a member.
    companyId = await insertCompany(net.database, 'Boulangerie Quokka', 'Lyon', '69003');
    await withOwnerClient(net.database, (client) =>
      client.query(`INSERT INTO organization_links (id, organization_id, entity_id, status, attached_by) VALUES ($1, $2, $3, 'member', 'manual')`, [newId(), companyId, net.ids['69']]),
    );
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => {});
    await net?.t.close();
  });

  it('lists the four tools with their input and output JSON Schemas', async () => {
    const client = await connect(tokens.rhone!);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['search_companies', 'read_company', 'member_status', 'search_content']);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
    expect(tools.find((tool) => tool.name === 'search_content')?.inputSchema.required).toEqual(['question']);
  });

  it("search_content: a branch user never retrieves another branch's staff-only chunk", async () => {
    const rhone = await connect(tokens.rhone!);
    const mine = await rhone.callTool({ name: 'search_content', arguments: { question: 'consigne zorglub' } });
    expect(mine.isError).toBeFalsy();
    expect((mine.structuredContent as { items: Chunk[] }).items[0]).toMatchObject({ title: 'Consigne interne', visibility: 'staff' });

    const paris = await connect(tokens.paris!);
    const theirs = await paris.callTool({ name: 'search_content', arguments: { question: 'consigne zorglub' } });
    expect((theirs.structuredContent as { items: Chunk[] }).items.filter((chunk) => chunk.visibility === 'staff')).toEqual([]);
  });

  it('search_companies, read_company and member_status wrap the CRM with the token\'s scope', async () => {
    const rhone = await connect(tokens.rhone!);
    const found = await rhone.callTool({ name: 'search_companies', arguments: { query: 'boulangerie quokka' } });
    expect((found.structuredContent as { items: Array<{ id: string }> }).items[0]?.id).toBe(companyId);
    const read = await rhone.callTool({ name: 'read_company', arguments: { companyId } });
    expect(read.structuredContent).toMatchObject({ id: companyId, name: 'Boulangerie Quokka', links: [{ entityId: net.ids['69'], status: 'member' }] });
    const status = await rhone.callTool({ name: 'member_status', arguments: { companyId } });
    expect(status.structuredContent).toMatchObject({ isMember: true, statuses: [{ entityId: net.ids['69'], status: 'member' }] });

    // Paris sees the company (public identity) but never the Rhône's relation with it.
    const paris = await connect(tokens.paris!);
    const parisStatus = await paris.callTool({ name: 'member_status', arguments: { companyId } });
    expect(parisStatus.structuredContent).toMatchObject({ isMember: false, statuses: [] });
  });

  it('refuses invalid arguments and missing permissions as tool errors, and audits every call', async () => {
    const paris = await connect(tokens.paris!);
    const invalid = await paris.callTool({ name: 'read_company', arguments: { companyId: 'pas-un-uuid' } });
    expect(invalid.isError).toBe(true);
    const unknown = await paris.callTool({ name: 'read_company', arguments: { companyId: newId() } });
    expect(unknown).toMatchObject({ isError: true, content: [{ type: 'text', text: 'Entreprise introuvable ou inaccessible.' }] });
    const noCrm = await connect(tokens.parisNoCrm!);
    const refused = await noCrm.callTool({ name: 'search_companies', arguments: { query: 'quokka' } });
    expect(refused.isError).toBe(true);

    const { rows } = await withOwnerClient(net.database, (client) =>
      client.query<{ outcome: string; count: string }>(
        `SELECT changes->'outcome'->>'after' AS outcome, count(*) AS count FROM audit_events WHERE action = 'ai.mcp.tool_called' GROUP BY 1 ORDER BY 1`,
      ),
    );
    expect(rows.map((row) => row.outcome)).toEqual(expect.arrayContaining(['invalid', 'ok', 'refused']));
    const searches = await withOwnerClient(net.database, (client) => client.query(`SELECT 1 FROM audit_events WHERE action = 'ai.search.performed' AND changes->'channel'->>'after' = 'mcp'`));
    expect(searches.rowCount).toBeGreaterThanOrEqual(2);
  });

  it('needs a personal access token: no credentials is 401, a browser session is 403', async () => {
    const body = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };
    const anonymous = await fetch(`${baseUrl}/api/v1/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    const session = await net.call(net.staff.paris, 'POST', '/api/v1/mcp', body, { accept: 'application/json, text/event-stream' });
    expect(session.statusCode).toBe(403);
    const get = await fetch(`${baseUrl}/api/v1/mcp`, { headers: { authorization: `Bearer ${tokens.paris}` } });
    expect(get.status).toBe(405);
  });

  it("answers 403 problem+json where the assistant (flag ai.assistant) is off for the token's entities", async () => {
    const off = await net.call(net.staff.national, 'PATCH', '/api/v1/feature-flags/ai.assistant', { rules: [{ entityIds: [net.ids.R11], variant: 'off' }] }, { 'if-match': assistantFlagEtag });
    expect(off.statusCode, off.body).toBe(200);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const post = (token: string) =>
      fetch(`${baseUrl}/api/v1/mcp`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body });
    const paris = await post(tokens.paris!);
    expect(paris.status).toBe(403);
    expect(paris.headers.get('content-type')).toContain('application/problem+json');
    expect(await paris.json()).toMatchObject({ status: 403, code: 'ai_assistant_disabled' });
    expect((await post(tokens.parisNoCrm!)).status).toBe(403);
    // The Rhône, in another region, keeps its tools.
    const rhone = await connect(tokens.rhone!);
    const found = await rhone.callTool({ name: 'search_content', arguments: { question: 'consigne zorglub' } });
    expect(found.isError).toBeFalsy();
  });
});
