import { describe, expect, it } from 'vitest';
import { chunkText, sha256 } from './chunk-text.js';

function assertExact(source: string, chunks: ReturnType<typeof chunkText>) {
  for (const chunk of chunks) {
    expect(source.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunk.version).toBe(sha256(chunk.text));
    expect(chunk.text).toBe(chunk.text.trim());
  }
  chunks.forEach((chunk, index) => expect(chunk.ordinal).toBe(index));
}

const SENTENCE = "L'employeur informe le salarié par écrit des conditions de son emploi, au plus tard à la date de son embauche. ";

describe('chunkText', () => {
  it('keeps exact offsets and versions, and never crosses a Markdown heading', () => {
    const source = `# Guide de l'employeur\n\nIntroduction courte.\n\n## Période d'essai\n\n${SENTENCE.repeat(20)}\n\n## Préavis\n\nLe préavis dépend de l'ancienneté.\n`;
    const chunks = chunkText(source);
    assertExact(source, chunks);
    expect(chunks[0]).toMatchObject({ heading: "Guide de l'employeur", text: 'Introduction courte.' });
    const trial = chunks.filter((chunk) => chunk.heading === "Guide de l'employeur > Période d'essai");
    expect(trial.length).toBeGreaterThan(1);
    for (const chunk of trial) {
      expect(chunk.text.length).toBeLessThanOrEqual(1200);
      expect(chunk.text.endsWith('.')).toBe(true); // cut at a sentence end
    }
    expect(chunks.at(-1)).toMatchObject({ heading: "Guide de l'employeur > Préavis", text: "Le préavis dépend de l'ancienneté." });
    expect(chunks.some((chunk) => chunk.text.includes('# '))).toBe(false);
  });

  it('starts a section at each legal article line and prefixes the base heading', () => {
    const source = 'Article L1234-1\nLe salarié a droit à un préavis.\nArticle L1234-2\nLe préavis est de deux mois.';
    const chunks = chunkText(source, { baseHeading: 'Code du travail > Préavis' });
    assertExact(source, chunks);
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['Code du travail > Préavis > Article L1234-1', 'Code du travail > Préavis > Article L1234-2']);
  });

  it('cuts a sentence longer than the maximum at spaces, offsets still exact', () => {
    const source = `${'mot '.repeat(700)}fin`;
    const chunks = chunkText(source);
    assertExact(source, chunks);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((chunk) => chunk.text.length))).toBeLessThanOrEqual(1200);
  });

  it('handles CRLF-free text with accents, tables and an empty input', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText('   \n\n ')).toEqual([]);
    const source = 'Ancienneté | Préavis\nMoins de 6 mois | Convention\n6 mois à 2 ans | 1 mois';
    const chunks = chunkText(source);
    assertExact(source, chunks);
    expect(chunks).toHaveLength(1);
  });
});
