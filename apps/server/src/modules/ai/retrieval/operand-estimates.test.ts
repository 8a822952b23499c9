import { describe, expect, it, vi } from 'vitest';
import type { Database, Tx } from '../../../platform/db/index.js';
import { cachedOperandEstimates, ESTIMATE_TTL_MS } from './operand-estimates.js';

/** A transaction whose estimate statement answers `chunks` for each operand asked. */
function fakeTx(chunks: Record<string, number>) {
  const query = vi.fn(async (_text: string, [operands]: [string[]]) => ({ rows: operands.map((operand) => ({ operand, chunks: chunks[operand] ?? 0, corpus_chunks: 33_000 })) }));
  return { tx: { client: { query } } as unknown as Tx, query };
}

describe('cachedOperandEstimates', () => {
  it('reads each operand once per database until the estimates expire', async () => {
    const database = {} as Database;
    const { tx, query } = fakeTx({ salarie: 16_000, essai: 970 });
    const now = 1_000_000;

    expect(await cachedOperandEstimates(database, tx, ['salarie', 'essai', 'salarie'], now)).toEqual([
      { operand: 'salarie', chunks: 16_000, corpusChunks: 33_000 },
      { operand: 'essai', chunks: 970, corpusChunks: 33_000 },
      { operand: 'salarie', chunks: 16_000, corpusChunks: 33_000 },
    ]);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0]![1]).toEqual([['salarie', 'essai']]);

    // Known operands cost no statement; only the new one is asked.
    expect(await cachedOperandEstimates(database, tx, ['essai', 'cdi'], now + 1_000)).toEqual([
      { operand: 'essai', chunks: 970, corpusChunks: 33_000 },
      { operand: 'cdi', chunks: 0, corpusChunks: 33_000 },
    ]);
    expect(query.mock.calls[1]![1]).toEqual([['cdi']]);
    await cachedOperandEstimates(database, tx, ['salarie', 'essai', 'cdi'], now + 2_000);
    expect(query).toHaveBeenCalledTimes(2);

    // Expired: read again; another database has its own estimates.
    await cachedOperandEstimates(database, tx, ['essai'], now + ESTIMATE_TTL_MS + 1);
    await cachedOperandEstimates({} as Database, tx, ['cdi'], now + 3_000);
    expect(query.mock.calls.slice(2).map((call) => call[1])).toEqual([[['essai']], [['cdi']]]);
  });
});
