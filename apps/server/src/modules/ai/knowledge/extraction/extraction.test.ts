import { describe, expect, it } from 'vitest';
import { chunkText } from '../chunking/chunk-text.js';
import { buildDocx } from '../testing/docx-builder.js';
import { buildPdf } from '../testing/pdf-builder.js';
import { readCodeDuTravail } from '../testing/code-du-travail.js';
import { detectFormat, extractDocx, extractPdf, htmlToMarkdownText } from './extract-text.js';
import { parseJsonLines } from './json-lines.js';

describe('document extraction', () => {
  it('extracts the text of a PDF, page by page', async () => {
    const pdf = await buildPdf([['Guide des congés payés', 'Le salarié acquiert deux jours et demi par mois.'], ['Page deux : le préavis.']]);
    const text = await extractPdf(pdf);
    expect(text).toContain('Guide des congés payés');
    expect(text).toContain('deux jours et demi par mois');
    expect(text.indexOf('Page deux')).toBeGreaterThan(text.indexOf('par mois'));
  });

  it('extracts a DOCX with its headings as Markdown headings, which chunking then respects', async () => {
    const docx = buildDocx([
      { heading: 1, text: 'Note juridique' },
      { text: 'Cette note résume les règles & usages.' },
      { heading: 2, text: 'Rupture conventionnelle' },
      { text: 'Chaque partie dispose de quinze jours calendaires pour se rétracter.' },
    ]);
    const text = await extractDocx(docx);
    expect(text).toBe('# Note juridique\n\nCette note résume les règles & usages.\n\n## Rupture conventionnelle\n\nChaque partie dispose de quinze jours calendaires pour se rétracter.');
    const chunks = chunkText(text);
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['Note juridique', 'Note juridique > Rupture conventionnelle']);
  });

  it('turns mammoth HTML lists, tables and entities into text', () => {
    expect(htmlToMarkdownText('<h2>Titre</h2><ul><li>un</li><li>deux &amp; trois</li></ul><table><tr><td><p>a</p></td><td><p>b</p></td></tr></table><p>fin</p>')).toBe(
      '## Titre\n\n- un\n- deux & trois\n\na | b\n\nfin',
    );
  });

  it('detects formats by extension, then media type', () => {
    expect(detectFormat('guide.PDF', 'application/octet-stream')).toBe('pdf');
    expect(detectFormat('note.docx', '')).toBe('docx');
    expect(detectFormat('corpus.jsonl', '')).toBe('jsonl');
    expect(detectFormat('lisez-moi', 'text/markdown')).toBe('markdown');
    expect(detectFormat('image.png', 'image/png')).toBeNull();
  });
});

describe('JSON Lines of documents', () => {
  it('loads the Code du travail fixture as is: one document per line, "Article <num>", Légifrance link', () => {
    const { documents, errors } = parseJsonLines(readCodeDuTravail());
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(541);
    const first = documents[0]!;
    expect(first).toMatchObject({
      externalRef: 'LEGIARTI000006900839',
      title: 'Article L1221-1',
      url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006900839',
      version: 'VIGUEUR depuis 2008-05-01',
    });
    expect(first.heading).toMatch(/^Code du travail > Partie législative/);
    expect(documents.find((document) => document.title === 'Article R*1237-6')).toBeDefined();
  });

  it('reports invalid lines with pointers', () => {
    const { errors } = parseJsonLines('{"id":"a","title":"T","text":"x"}\nnot json\n{"id":"a","title":"T","text":"y"}\n{"id":"b","text":""}');
    expect(errors.map((error) => error.pointer)).toEqual(['/lines/2', '/lines/3/id', '/lines/4/text', '/lines/4/title']);
  });
});
