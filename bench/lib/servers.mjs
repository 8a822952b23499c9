import { execSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Node flags for our server: a V8 CPU profile written on exit into `BENCH_CPU_PROFILE_DIR`, when set. */
export function cpuProfileArgs() {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** Starts a Node process and waits until `readyUrl` answers (any status below 500). */
export async function startProcess(name, args, env, readyUrl, { verbose = false } = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', verbose ? 'inherit' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
    if (verbose) process.stderr.write(chunk);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before answering:\n${stderr}`);
    try {
      const response = await fetch(readyUrl);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`${name} did not answer ${readyUrl} within 60 s:\n${stderr}`);
  }
  return {
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Production-like settings for our server (production refuses the development keys). */
/**
 * Node flags of each role as deploy/compose.yaml and the helm chart start them (ADR 0029, docs/perf.md
 * import memory): every bench starts our processes with them, so it measures what production runs.
 */
export const WEB_NODE_FLAGS = ['--max-old-space-size=256'];
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=384'];

export function productionEnv({ databaseUrl, port, logLevel, poolSize }) {
  const key = () => randomBytes(32).toString('base64');
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    LOG_LEVEL: logLevel,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEYS: `bench:${key()}`,
    BLIND_INDEX_KEY: key(),
    // As the image sets it (Dockerfile, ADR 0029): the bench measures what production runs.
    MALLOC_ARENA_MAX: '2',
  };
}

/** Signs in as the national administrator and creates a personal access token for `permissions`. */
export async function nationalAdminToken(baseUrl, { email, password, permissions }) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = await login.json();
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const expiresAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  const created = await fetch(`${baseUrl}/api/v1/personal-access-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', permissions, expiresAt }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  return (await created.json()).token;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds used so far by each PostgreSQL process of this machine (backends and background workers, `comm` postgres). */
function databaseCpuByProcess() {
  const byPid = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') byPid.set(pid, cpuSeconds(pid));
    } catch {
      // The process ended meanwhile.
    }
  }
  return byPid;
}

/** CPU seconds used so far by every PostgreSQL process: the database's share of a scenario, when nothing else uses it. */
export function databaseCpuSeconds() {
  let total = 0;
  for (const seconds of databaseCpuByProcess().values()) total += seconds;
  return total;
}

/**
 * PostgreSQL's CPU seconds over `work`, read every `intervalMs`: a backend that exits meanwhile (a
 * pool closing an idle connection) would otherwise take its CPU out of a before/after sum, which then
 * comes out short, even negative. Each process counts up to its last reading.
 */
export async function databaseCpuDuring(work, intervalMs = 250) {
  const first = databaseCpuByProcess();
  const last = new Map(first);
  const read = () => {
    for (const [pid, seconds] of databaseCpuByProcess()) last.set(pid, seconds);
  };
  const timer = setInterval(read, intervalMs);
  try {
    const result = await work();
    read();
    let seconds = 0;
    for (const [pid, latest] of last) seconds += latest - (first.get(pid) ?? 0);
    return { result, seconds };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU seconds (user + system) a process has used, from /proc (Linux; NaN elsewhere). CPU per
 * request does not depend on what else runs on the machine, unlike req/s and latency.
 */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
