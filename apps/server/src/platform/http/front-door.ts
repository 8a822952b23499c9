import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Answers a raw request before Fastify sees it, or declines by returning false. Synchronous, and
 * it must not have written anything when it declines.
 */
export type FrontDoorHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/** What Fastify hands its server factory: its own options, defaults applied. */
interface ServerSettings {
  http?: ServerOptions | null;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Handlers that answer before routing (cached public pages): see FrontDoor. */
    frontDoor: FrontDoor;
  }
}

/**
 * The HTTP server in front of Fastify (ADR 0025). A few answers are the same bytes for every
 * client and need nothing of the per-request stack — routing, schemas, authentication, hooks: a
 * public page already rendered and cached is one. Handlers added here answer those first, with
 * their own request log line and metrics; every other request goes to Fastify untouched.
 */
export class FrontDoor {
  private readonly handlers: FrontDoorHandler[] = [];
  /** Requests answered here since start (tests, and a figure to compare with the routes' counts). */
  answered = 0;
  private log: FastifyBaseLogger | undefined;

  add(handler: FrontDoorHandler): void {
    this.handlers.push(handler);
  }

  /** Where a handler's failure is reported (the request then goes to Fastify). */
  useLogger(log: FastifyBaseLogger): void {
    this.log = log;
  }

  /** Fastify's `serverFactory`: the server Fastify would create, with the front door ahead of it. */
  readonly serverFactory = (fastifyHandler: (request: IncomingMessage, response: ServerResponse) => void, settings: ServerSettings): Server => {
    const server = createServer(settings.http ?? {}, (request, response) => {
      if (!this.answerFirst(request, response)) fastifyHandler(request, response);
    });
    // What Fastify sets on the servers it creates itself.
    if (settings.keepAliveTimeout !== undefined) server.keepAliveTimeout = settings.keepAliveTimeout;
    if (settings.requestTimeout !== undefined) server.requestTimeout = settings.requestTimeout;
    if (settings.connectionTimeout !== undefined) server.setTimeout(settings.connectionTimeout);
    return server;
  };

  private answerFirst(request: IncomingMessage, response: ServerResponse): boolean {
    for (const handler of this.handlers) {
      try {
        if (handler(request, response)) {
          this.answered += 1;
          return true;
        }
      } catch (error) {
        this.log?.error({ err: error }, 'front door handler failed');
        // Half an answer cannot be taken back; otherwise Fastify answers as if nothing happened.
        if (response.headersSent) {
          response.destroy();
          return true;
        }
      }
    }
    return false;
  }
}
