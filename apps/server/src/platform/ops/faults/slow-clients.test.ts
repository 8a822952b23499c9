import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

interface SlowClient {
  /** Everything the server wrote back before closing. */
  answer: Promise<string>;
  /** Milliseconds from connection to the server closing the socket. */
  closedAfter: Promise<number>;
  stop(): void;
}

/** A slowloris client: connects, then sends `chunks` one every `everyMs`, never finishing the request. */
function dribble(port: number, chunks: string[], everyMs: number): SlowClient {
  const socket = net.connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  let next = 0;
  socket.on('connect', () => {
    timer = setInterval(() => {
      if (socket.destroyed) return;
      socket.write(chunks[next % chunks.length]!);
      next += 1;
    }, everyMs);
  });
  socket.on('data', (data) => (received += data.toString()));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    answer: closed.then(() => received),
    closedAfter: closed.then(() => Date.now() - started),
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

/**
 * Slow clients hold sockets, not the process: headers dribbled byte by byte, or a body that stalls,
 * are cut off once the configured request timeout passes, while other clients are served throughout.
 */
describe('slow clients (slowloris)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ HTTP_REQUEST_TIMEOUT_SECONDS: '2', HTTP_IDLE_TIMEOUT_SECONDS: '2' });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = Number(new URL(address).port);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('closes a client that sends its headers one byte at a time, and serves others meanwhile', async () => {
    const header = 'GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Padding: ';
    const clients = Array.from({ length: 20 }, () => dribble(port, [...header, ...'a'.repeat(10_000)], 100));
    try {
      // While twenty sockets dribble, a normal client is answered at once.
      for (let i = 0; i < 5; i += 1) {
        const response = await fetch(`http://127.0.0.1:${port}/livez`);
        expect(response.status).toBe(200);
      }
      const durations = await Promise.all(clients.map((client) => client.closedAfter));
      for (const duration of durations) expect(duration).toBeLessThan(6_000);
      expect(await clients[0]!.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      for (const client of clients) client.stop();
    }
  }, 20_000);

  it('answers 408 to a request whose body stalls, and keeps serving', async () => {
    const head = `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"email":"`;
    const client = dribble(port, [head, ...'a'.repeat(1_000)], 200);
    try {
      expect(await client.closedAfter).toBeLessThan(6_000);
      expect(await client.answer).toMatch(/^HTTP\/1\.1 408/);
      expect((await fetch(`http://127.0.0.1:${port}/livez`)).status).toBe(200);
    } finally {
      client.stop();
    }
  }, 20_000);
});
