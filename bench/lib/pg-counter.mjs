import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that counts the messages clients send, by type. A round trip
 * ends with a simple Query ('Q') or with the Sync ('S') closing an extended-protocol exchange
 * (Parse/Bind/Execute), so Q + S counts the round trips an application makes.
 */
export async function startCountingProxy(targetUrl) {
  const target = new URL(targetUrl);
  const counts = new Map();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    let started = false;
    let buffer = Buffer.alloc(0);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 4) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          buffer = buffer.subarray(length);
          started = true;
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const type = String.fromCharCode(buffer[0]);
        counts.set(type, (counts.get(type) ?? 0) + 1);
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(server.address().port);
  return {
    url: url.toString(),
    snapshot: () => Object.fromEntries(counts),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Per-request averages of the messages counted while `requests` calls of `send` ran one after another. */
export async function countPerRequest(proxy, send, requests = 200) {
  const before = proxy.snapshot();
  for (let i = 0; i < requests; i += 1) await send();
  const after = proxy.snapshot();
  const delta = (type) => ((after[type] ?? 0) - (before[type] ?? 0)) / requests;
  return { roundTrips: delta('Q') + delta('S'), simpleQueries: delta('Q'), extendedQueries: delta('S'), parses: delta('P') };
}
