import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferedDestination, LOG_FLUSH_INTERVAL_MS } from './logger.js';

/** Lines are written in blocks for throughput, but none is held back for long or lost at exit. */
describe('the log destination', () => {
  const directory = mkdtempSync(join(tmpdir(), 'maillage-log-'));
  const file = join(directory, 'out.log');
  const written = () => readFileSync(file, 'utf8');
  let destination: ReturnType<typeof bufferedDestination> | undefined;

  afterAll(() => {
    destination?.end();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes a line logged in a quiet moment within the flush interval, and what is pending on a final flush', async () => {
    destination = bufferedDestination(openSync(file, 'w'));
    const log = pino({}, destination);
    log.info({ requestId: 'quiet' }, 'request completed');
    expect(written()).toBe('');

    const deadline = Date.now() + 4 * LOG_FLUSH_INTERVAL_MS;
    while (!written().includes('"requestId":"quiet"') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written()).toContain('"requestId":"quiet"');

    // What pino does when the process exits.
    log.info({ requestId: 'last' }, 'request completed');
    destination.flushSync();
    expect(written().trim().split('\n').map((line) => JSON.parse(line).requestId)).toEqual(['quiet', 'last']);
  });

  it('writes a burst of lines in order, a block at a time, without waiting for the interval', async () => {
    const burst = join(directory, 'burst.log');
    const blocks = bufferedDestination(openSync(burst, 'w'));
    const log = pino({}, blocks);
    for (let index = 0; index < 200; index += 1) log.info({ index }, 'request completed');
    await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_INTERVAL_MS / 5));
    const early = readFileSync(burst, 'utf8').trim().split('\n');
    expect(early.length).toBeGreaterThan(150);
    blocks.flushSync();
    blocks.end();
    expect(readFileSync(burst, 'utf8').trim().split('\n').map((line) => JSON.parse(line).index)).toEqual([...Array(200).keys()]);
  });

  it.each([
    ['ends by itself', ''],
    ['calls process.exit()', 'process.exit(0);'],
  ])('writes every pending line when the process %s', (_how, ending) => {
    const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
    const script = `import { pino } from 'pino'; import { bufferedDestination } from ${JSON.stringify(logger)};
      const log = pino({}, bufferedDestination(1)); for (let index = 0; index < 30; index += 1) log.info({ index }, 'line'); ${ending}`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) });
    expect(out.trim().split('\n').map((line) => JSON.parse(line).index)).toEqual([...Array(30).keys()]);
  });
});
