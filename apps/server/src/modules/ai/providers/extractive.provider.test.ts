import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../answers/citation-verifier.js';
import { chunk } from '../answers/testing/chunks.js';
import { ExtractiveProvider } from './extractive.provider.js';
import { parseMarkedAnswer } from './marked-answer.js';

const leave = chunk(
  "Congés payés\nLe salarié a droit à un congé de deux jours et demi ouvrables par mois de travail effectif. La durée totale du congé exigible ne peut excéder trente jours ouvrables.\nLes congés sont pris dans une période fixée par accord.",
  { prefix: 1000 },
);
const trial = chunk("La période d'essai permet à l'employeur d'évaluer les compétences du salarié dans son travail.");

describe('extractive provider', () => {
  it('answers with verbatim sentences citing their chunk at exact source offsets', async () => {
    const result = await new ExtractiveProvider().generate('Combien de jours de congés payés par mois de travail ?', [leave, trial]);
    expect(result.sentences.length).toBeGreaterThan(0);
    const first = result.sentences[0]!;
    expect(first.text).toContain('deux jours et demi ouvrables par mois');
    const citation = first.citations[0]!;
    expect(citation.chunkId).toBe(leave.chunkId);
    expect(leave.text.slice(citation.start! - leave.start, citation.end! - leave.start)).toBe(citation.quote);
    expect(verifyAnswer(result.sentences, [leave, trial]).status).toBe('answered');
  });

  it('says nothing when no sentence shares the question topic', async () => {
    const result = await new ExtractiveProvider().generate('Quel est le taux de TVA sur la restauration ?', [leave, trial]);
    expect(result.sentences).toEqual([]);
  });
});

describe('marked answer parser (answer-v1 format)', () => {
  it('reads sentences, [n] markers and « » quotes; an unmarked sentence is uncited', () => {
    const sentences = parseMarkedAnswer(
      "Le salarié acquiert deux jours et demi par mois. [1] « deux jours et demi ouvrables par mois »\nC'est généreux.\nLe total est plafonné. [1] « ne peut excéder trente jours ouvrables » [2]",
      ['a', 'b'],
    );
    expect(sentences).toEqual([
      { text: 'Le salarié acquiert deux jours et demi par mois.', citations: [{ chunkId: 'a', quote: 'deux jours et demi ouvrables par mois' }] },
      { text: "C'est généreux.", citations: [] },
      { text: 'Le total est plafonné.', citations: [{ chunkId: 'a', quote: 'ne peut excéder trente jours ouvrables' }, { chunkId: 'b' }] },
    ]);
    expect(parseMarkedAnswer('AUCUNE_REPONSE', ['a'])).toEqual([]);
  });
});
