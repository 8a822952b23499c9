import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const log = pino(destination);
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
});
