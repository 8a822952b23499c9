import { Injectable, inject } from '@angular/core';
import { Api } from '../../../core/api/api';
import { ApiProblem, networkProblem, toApiProblem } from '../../../core/api/api-problem';
import type { Answer, AnswerSegment, AskBody } from '../assistant-labels';

const STREAM_PATH = '/api/v1/ai/answers/stream';

export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Splits a server-sent events body into events as the chunks arrive (a chunk may end mid-event:
 * the remainder waits for the next one). Only `event` and `data` fields are used by the answers API.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const parsed = parseEvent(block);
        if (parsed) yield parsed;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function parseEvent(block: string): ServerSentEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/**
 * Asks the assistant through `POST /api/v1/ai/answers/stream`: each verified segment is handed to
 * `onSegment` as it arrives, and the complete answer is returned. Refusals before the stream starts
 * (401, 403, 429…) and `error` events both throw an ApiProblem, like the typed client.
 */
@Injectable({ providedIn: 'root' })
export class AnswerStream {
  private readonly api = inject(Api);

  async ask(body: AskBody, onSegment: (segment: AnswerSegment) => void): Promise<Answer> {
    const csrfToken = this.api.csrfToken();
    const response = await this.post(body, csrfToken);
    if (!response.ok || !response.body) {
      // As the typed client does: a 401, or a write refused for want of a CSRF token, means signing in again.
      if (response.status === 401 || (response.status === 403 && csrfToken === null)) this.api.sessionLost.next();
      throw toApiProblem(await response.json().catch(() => undefined), response);
    }
    try {
      for await (const { event, data } of readServerSentEvents(response.body)) {
        if (event === 'segment') onSegment(JSON.parse(data) as AnswerSegment);
        else if (event === 'answer') return JSON.parse(data) as Answer;
        else if (event === 'error') throw toApiProblem(JSON.parse(data), response);
      }
    } catch (cause) {
      if (cause instanceof ApiProblem) throw cause;
      throw networkProblem(cause);
    }
    throw networkProblem(new Error('The answer stream ended before the answer.'));
  }

  /** A plain fetch (the typed client cannot hand over the body as a stream), so the CSRF header is set here. */
  private async post(body: AskBody, csrfToken: string | null): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    try {
      return await fetch(new URL(STREAM_PATH, globalThis.location.origin), { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
    } catch (cause) {
      throw networkProblem(cause);
    }
  }
}
