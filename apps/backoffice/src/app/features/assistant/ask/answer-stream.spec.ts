import { describe, expect, it } from 'vitest';
import { readServerSentEvents, type ServerSentEvent } from './answer-stream';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  it('yields each event once complete, whatever the chunk boundaries', async () => {
    const events = await collect(['event: segment\ndata: {"text":"Un', 'e phrase."}\n', '\nevent: answer\r\ndata: {"status":"answered"}\r\n\r\n']);
    expect(events).toEqual([
      { event: 'segment', data: '{"text":"Une phrase."}' },
      { event: 'answer', data: '{"status":"answered"}' },
    ]);
  });

  it('joins multi-line data, defaults the event name and skips comments and an unfinished event', async () => {
    const events = await collect([': keep-alive\n\ndata: a\ndata: b\n\nevent: error\ndata: {"code":"x"}']);
    expect(events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: durée\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const events: ServerSentEvent[] = [];
    for await (const event of readServerSentEvents(stream)) events.push(event);
    expect(events).toEqual([{ event: 'message', data: 'durée' }]);
  });
});
