import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import type { FeatureFlags } from '../../../platform/flags/index.js';
import { AppError, TooManyRequestsError } from '../../../platform/http/errors.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { AI_PERMISSIONS } from '../knowledge/permissions.js';
import { ANSWER_MESSAGES } from './answer-messages.js';
import { AnswerSchema, AskQuestionSchema, type AskQuestion } from './answers.schema.js';
import { answerQuestion, type AnswerDeps } from './answers.service.js';
import { resolveAsker } from './asker.js';
import type { UserRateLimiter } from './rate-limiter.js';

export interface AnswerRouteDeps extends AnswerDeps {
  flags: FeatureFlags;
  rateLimiter: UserRateLimiter;
}

const TAGS = ['ai'];
const SSE_DESCRIPTION =
  'Server-sent events: `segment` events (one verified segment each, citations checked before it is sent), then one `answer` event with the complete answer, or an `error` event with a problem object.';

export async function answerRoutes(instance: FastifyInstance, deps: AnswerRouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  const prepare = async (request: FastifyRequest) => {
    const asker = await resolveAsker(request, deps.flags);
    const wait = deps.rateLimiter.take(asker.userId);
    if (wait > 0) throw new TooManyRequestsError(ANSWER_MESSAGES.rateLimited, wait, 'ai_rate_limited');
    return asker;
  };

  app.post(
    '/api/v1/ai/answers',
    {
      preHandler: requirePermission(AI_PERMISSIONS.ask),
      schema: {
        tags: TAGS,
        summary: 'Ask the assistant: an answer whose every sentence cites a verified passage of a source the caller may read',
        description: `403 when the assistant is not enabled for the caller's entity (feature flag ai.assistant); 429 with Retry-After beyond the per-user rate. With \`Accept: text/event-stream\`: ${SSE_DESCRIPTION}`,
        body: AskQuestionSchema,
        response: {
          200: {
            description: 'The answer (status answered, partial or refused), or the event stream.',
            content: { 'application/json': { schema: AnswerSchema }, 'text/event-stream': { schema: Type.String() } },
          },
          ...problemResponses(...COMMON_PROBLEMS, 502),
        },
      },
    },
    async (request, reply) => {
      const asker = await prepare(request);
      if (wantsEventStream(request)) return stream(request, reply, deps, asker, request.body);
      return (await answerQuestion(deps, asker, request.body, { channel: 'json' })).answer;
    },
  );

  app.post(
    '/api/v1/ai/answers/stream',
    {
      preHandler: requirePermission(AI_PERMISSIONS.ask),
      schema: {
        tags: TAGS,
        summary: 'Ask the assistant, streamed as server-sent events',
        description: SSE_DESCRIPTION,
        body: AskQuestionSchema,
        response: {
          200: { description: 'The event stream.', content: { 'text/event-stream': { schema: Type.String() } } },
          ...problemResponses(...COMMON_PROBLEMS),
        },
      },
    },
    async (request, reply) => stream(request, reply, deps, await prepare(request), request.body),
  );
}

function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes('text/event-stream');
}

/** Checks are done (403, 429 answered as problem+json); from here the response is an event stream. */
async function stream(request: FastifyRequest, reply: FastifyReply, deps: AnswerDeps, asker: Awaited<ReturnType<typeof resolveAsker>>, body: AskQuestion): Promise<FastifyReply> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  const send = (event: string, data: unknown) => {
    if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const { answer } = await answerQuestion(deps, asker, body, { channel: 'sse', onSegment: (segment) => send('segment', segment) });
    send('answer', answer);
  } catch (error) {
    const problem =
      error instanceof AppError
        ? { type: 'about:blank', title: error.title, status: error.status, detail: error.message, code: error.code }
        : { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Une erreur interne est survenue.', code: 'internal_error' };
    if (!(error instanceof AppError)) request.log.error({ err: error }, 'ai answer stream failed');
    send('error', problem);
  }
  raw.end();
  return reply;
}
