import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  content: Buffer;
  contentType: string | undefined;
}

export interface S3StandIn {
  endpoint: string;
  /** `bucket/key` → object. */
  objects: Map<string, StoredObject>;
  /** Method and path of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for an S3-compatible store, path-style (`/bucket/key`): PUT, GET, HEAD and
 * DELETE object, with S3's status codes and error body. It does not check signatures; the tests
 * check that requests are signed.
 */
export async function startS3StandIn(bucket: string): Promise<S3StandIn> {
  const objects = new Map<string, StoredObject>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname).replace(/^\//, '');
      requests.push(`${request.method} /${path}`);
      if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) return sendError(response, 403, 'AccessDenied');
      if (!path.startsWith(`${bucket}/`)) return sendError(response, 404, 'NoSuchBucket');
      const object = objects.get(path);
      switch (request.method) {
        case 'PUT': {
          objects.set(path, { content: await readBody(request), contentType: request.headers['content-type'] });
          response.writeHead(200, { etag: '"stand-in"' }).end();
          return;
        }
        case 'GET':
        case 'HEAD': {
          if (!object) return request.method === 'HEAD' ? void response.writeHead(404).end() : sendError(response, 404, 'NoSuchKey');
          response.writeHead(200, { 'content-type': object.contentType ?? 'application/octet-stream', 'content-length': object.content.length });
          response.end(request.method === 'GET' ? object.content : undefined);
          return;
        }
        case 'DELETE':
          objects.delete(path);
          response.writeHead(204).end();
          return;
        default:
          sendError(response, 405, 'MethodNotAllowed');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendError(response: import('node:http').ServerResponse, status: number, code: string): void {
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}
