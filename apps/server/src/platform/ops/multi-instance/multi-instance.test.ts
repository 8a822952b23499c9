import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { withOwnerClient } from '../../db/index.js';
import { clusterEnv, freePort, startServer, stopAll, waitForOutput, type ServerProcess } from './server-processes.js';

const IMPORTS = 4;
const ROWS_PER_IMPORT = 200;

interface Session {
  cookie: string;
  csrfToken: string;
}

/**
 * Two web processes and two workers of the built server on one PostgreSQL: traffic goes to both
 * webs while a batch of import jobs runs; one worker is stopped (SIGTERM, as an orchestrator does)
 * in the middle of the batch. Every job must end done exactly once in effect, and no request fail.
 * Then the last worker is killed outright mid-job: a replacement finishes the job (heartbeat expiry).
 */
describe.skipIf(!process.env.DATABASE_URL)('several instances on one PostgreSQL', () => {
  let testDatabase: TestDatabase;
  const servers: ServerProcess[] = [];
  const webs: string[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    const network = await createSmallNetwork(testDatabase.database);
    await createUser(testDatabase.database, { email: 'cluster@example.test', roleCode: 'manager', entityId: network.ids['69']! });
    env = clusterEnv(testDatabase.url!);
    for (const name of ['web-1', 'web-2']) {
      const port = await freePort();
      servers.push(startServer(name, 'web', env, port));
      webs.push(`http://127.0.0.1:${port}`);
    }
    servers.push(startServer('worker-1', 'worker', env), startServer('worker-2', 'worker', env));
    await Promise.all(servers.map((server) => waitForOutput(server, server.name.startsWith('web') ? 'Maillage is running' : 'Maillage worker started')));
  });

  afterAll(async () => {
    await stopAll(servers);
    await testDatabase?.drop();
  });

  it('shares the jobs, survives a worker stopped mid-batch and runs each job once in effect', async () => {
    const session = await signIn(webs[0]!);
    const imports: Array<{ id: string; sirens: string[] }> = [];
    for (let i = 0; i < IMPORTS; i += 1) {
      const { csv, sirens } = lyonCompaniesCsv(31_400_000 + i * ROWS_PER_IMPORT, ROWS_PER_IMPORT);
      const web = webs[i % 2]!;
      const id = await uploadImport(web, session, csv);
      const run = await call(web, session, 'POST', `/api/v1/imports/${id}/run`);
      expect(run.status).toBe(202);
      imports.push({ id, sirens });
    }

    const failures: string[] = [];
    let requests = 0;
    let stopped = false;
    const statuses = async () =>
      Promise.all(
        imports.map(async ({ id }, index) => {
          const response = await call(webs[(index + requests) % 2]!, session, 'GET', `/api/v1/imports/${id}`);
          requests += 1;
          if (response.status !== 200) failures.push(`GET /imports/${id}: ${response.status}`);
          return ((await response.json()) as { status: string }).status;
        }),
      );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const current = await statuses();
      const completed = current.filter((status) => status === 'completed').length;
      if (!stopped && completed >= 1 && completed < IMPORTS) {
        servers[2]!.child.kill('SIGTERM');
        stopped = true;
      }
      if (completed === IMPORTS) break;
      if (Date.now() > deadline) throw new Error(`imports not done after 60 s: ${current.join(', ')}\n${servers.map((s) => s.output()).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(stopped).toBe(true);
    expect(await servers[2]!.exited).toBe(0);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(IMPORTS);
    await withOwnerClient(testDatabase.database, async (client) => {
      const allSirens = imports.flatMap((i) => i.sirens);
      const organizations = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations WHERE siren = ANY($1)', [allSirens]);
      expect(organizations.rows[0]!.n).toBe(IMPORTS * ROWS_PER_IMPORT);
      const jobs = await client.query<{ rows_created: number }>('SELECT rows_created FROM import_jobs WHERE id = ANY($1)', [imports.map((i) => i.id)]);
      expect(jobs.rows.map((row) => row.rows_created)).toEqual(Array(IMPORTS).fill(ROWS_PER_IMPORT));
      const completions = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'crm.import.completed'`);
      expect(completions.rows[0]!.n).toBe(IMPORTS);
    });
  }, 90_000);

  it('retries the job of a worker killed outright (SIGKILL) on a replacement worker, after its last committed batch', async () => {
    const session = await signIn(webs[1]!);
    const rows = 6_000; // six batches of 1,000: the kill lands between two commits
    const { csv, sirens } = lyonCompaniesCsv(32_400_000, rows);
    const id = await uploadImport(webs[1]!, session, csv);
    expect((await call(webs[0]!, session, 'POST', `/api/v1/imports/${id}/run`)).status).toBe(202);
    const lastWorker = servers[3]!; // worker-1 was stopped by the previous test: this one holds the job
    const progress = async () => (await (await call(webs[0]!, session, 'GET', `/api/v1/imports/${id}`)).json()) as { status: string; rows: { done: number } };
    await until(async () => {
      const current = await progress();
      return current.status === 'running' && current.rows.done >= 1_000;
    }, 60_000);
    lastWorker.child.kill('SIGKILL');
    await lastWorker.exited;
    expect(lastWorker.child.signalCode).toBe('SIGKILL');
    expect((await progress()).status).toBe('running'); // nobody is left to notice: the job looks alive

    const replacement = startServer('worker-3', 'worker', env);
    servers.push(replacement);
    await waitForOutput(replacement, 'Maillage worker started');
    await until(async () => (await progress()).status === 'completed', 90_000);

    await withOwnerClient(testDatabase.database, async (client) => {
      const organizations = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations WHERE siren = ANY($1)', [sirens]);
      expect(organizations.rows[0]!.n).toBe(rows);
      const job = await client.query<{ rows_created: number; rows_updated: number }>('SELECT rows_created, rows_updated FROM import_jobs WHERE id = $1', [id]);
      expect(job.rows[0]).toEqual({ rows_created: rows, rows_updated: 0 });
      const completions = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'crm.import.completed' AND resource_id = $1`,
        [id],
      );
      expect(completions.rows[0]!.n).toBe(1);
    });
  }, 180_000);
});

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A CSV file as staff export it from a spreadsheet: `count` Lyon companies with valid SIRENs, one contact each. */
function lyonCompaniesCsv(first: number, count: number): { csv: Buffer; sirens: string[] } {
  const sirens = Array.from({ length: count }, (_, index) => withLuhnDigit(String(first + index).padStart(8, '0')));
  const lines = ['Raison sociale,SIREN,Code postal,Ville,Nom,Prénom,Email', ...sirens.map((siren, index) => `Entreprise ${first + index},${siren},69001,Lyon,Durand,Alix,alix.${first + index}@exemple.fr`)];
  return { csv: Buffer.from(`${lines.join('\n')}\n`), sirens };
}

function withLuhnDigit(body: string): string {
  const sum = [...body].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function signIn(web: string): Promise<Session> {
  const response = await fetch(`${web}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'cluster@example.test', password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in refused: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

function call(web: string, session: Session, method: string, path: string, body?: FormData): Promise<Response> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  return fetch(`${web}${path}`, { method, headers, ...(body ? { body } : {}) });
}

async function uploadImport(web: string, session: Session, csv: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'lyon.csv');
  const response = await call(web, session, 'POST', '/api/v1/imports', form);
  if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { job: { id: string } }).job.id;
}
