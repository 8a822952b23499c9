import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server the processes run (`npm run build`); MAILLAGE_SERVER_DIST points to another build. */
export const SERVER_DIST = process.env.MAILLAGE_SERVER_DIST ?? fileURLToPath(new URL('../../../../dist', import.meta.url));

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  output(): string;
}

/** One production-like environment shared by every process of the cluster (same keys, same database). */
export function clusterEnv(databaseUrl: string): Record<string, string> {
  const key = () => randomBytes(32).toString('base64');
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEYS: `cluster:${key()}`,
    BLIND_INDEX_KEY: key(),
    // A killed worker's job is reclaimed within seconds rather than the production half-minute.
    BUS_HEARTBEAT_SECONDS: '10',
    BUS_SUPERVISE_INTERVAL_SECONDS: '2',
  };
}

export function startServer(name: string, role: 'web' | 'worker', env: Record<string, string>, port = 0): ServerProcess {
  const main = join(SERVER_DIST, 'main.js');
  if (!existsSync(main)) throw new Error(`No built server at ${main}: run \`npm run build\` first (or set MAILLAGE_SERVER_DIST).`);
  const child = spawn(process.execPath, [main, `--role=${role}`], {
    env: { ...process.env, ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited, output: () => output };
}

/** Waits until the process prints `marker` (its start banner), or fails with its output. */
export async function waitForOutput(server: ServerProcess, marker: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(marker)) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode}):\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`${server.name} did not start within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function stopAll(servers: readonly ServerProcess[]): Promise<void> {
  await Promise.all(
    servers.map(async (server) => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      server.child.kill('SIGTERM');
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 25_000);
      await server.exited;
      clearTimeout(timer);
    }),
  );
}

/** A port free on loopback right now (the OS picks it; the server binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
