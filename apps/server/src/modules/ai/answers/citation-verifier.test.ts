import { describe, expect, it } from 'vitest';
import { locateQuote, verifyAnswer } from './citation-verifier.js';
import { chunk } from './testing/chunks.js';

const notice = chunk(
  "Le salarié démissionnaire doit respecter un préavis. La durée du préavis est fixée par la convention collective. En l'absence de convention, le préavis est de 1 mois pour les employés.",
  { prefix: 250 },
);
const trial = chunk("La période d'essai du salarié en CDI est de 2 mois pour les ouvriers et les employés.");

describe('citation verifier', () => {
  it('accepts a sentence with a verbatim quote at the stated source offsets', () => {
    const quote = 'La durée du préavis est fixée par la convention collective.';
    const offset = notice.text.indexOf(quote);
    const result = verifyAnswer([{ text: 'La durée du préavis est fixée par la convention collective.', citations: [{ chunkId: notice.chunkId, quote, start: notice.start + offset, end: notice.start + offset + quote.length }] }], [notice]);
    expect(result.status).toBe('answered');
    expect(result.segments[0]!.citations[0]).toMatchObject({ quote, start: 250 + offset, end: 250 + offset + quote.length, version: notice.version });
  });

  it('locates a quote given without offsets, tolerating re-flowed whitespace', () => {
    const result = verifyAnswer([{ text: "Le préavis d'un employé est de 1 mois.", citations: [{ chunkId: notice.chunkId, quote: "« le préavis est   de 1 mois pour les employés »" }] }], [notice]);
    expect(result.status).toBe('answered');
    expect(result.segments[0]!.citations[0]!.quote).toBe('le préavis est de 1 mois pour les employés');
    expect(locateQuote('introuvable dans le texte', notice.text)).toBeNull();
  });

  it('drops an uncited sentence and reports a partial answer', () => {
    const result = verifyAnswer(
      [
        { text: "La période d'essai est de 2 mois pour les employés.", citations: [{ chunkId: trial.chunkId, quote: 'est de 2 mois pour les ouvriers et les employés' }] },
        { text: 'Il est conseillé de la prévoir par écrit.', citations: [] },
      ],
      [trial],
    );
    expect(result.status).toBe('partial');
    expect(result.dropped).toEqual([{ text: 'Il est conseillé de la prévoir par écrit.', reason: 'uncited' }]);
  });

  it('drops a fabricated quote, a wrong offset and a citation to a chunk not retrieved', () => {
    const result = verifyAnswer(
      [
        { text: 'Le préavis est fixé par la convention.', citations: [{ chunkId: notice.chunkId, quote: 'Le préavis est toujours fixé par la loi.' }] },
        { text: 'Le préavis dépend de la convention collective.', citations: [{ chunkId: notice.chunkId, quote: 'La durée du préavis', start: 0, end: 19 }] },
        { text: 'Le préavis dépend de la convention collective.', citations: [{ chunkId: 'not-retrieved', quote: 'La durée du préavis' }] },
      ],
      [notice],
    );
    expect(result.status).toBe('refused');
    expect(result.dropped.map((d) => d.reason)).toEqual(['quote_not_found', 'offsets_mismatch', 'unknown_chunk']);
  });

  it('drops a sentence whose number no cited chunk states', () => {
    const result = verifyAnswer([{ text: "La période d'essai des employés est de 3 mois.", citations: [{ chunkId: trial.chunkId, quote: 'est de 2 mois pour les ouvriers et les employés' }] }], [trial]);
    expect(result).toMatchObject({ status: 'refused', dropped: [{ reason: 'unsupported_number' }] });
  });

  it('drops a real quote cited for a claim on another topic', () => {
    const result = verifyAnswer([{ text: 'Les cotisations retraite complémentaire sont versées chaque trimestre.', citations: [{ chunkId: trial.chunkId, quote: 'est de 2 mois pour les ouvriers' }] }], [trial]);
    expect(result.dropped[0]!.reason).toBe('unsupported');
  });
});
