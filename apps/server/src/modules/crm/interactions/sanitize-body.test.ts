import { describe, expect, it } from 'vitest';
import { sanitizeBody } from './sanitize-body.js';

describe('sanitizeBody', () => {
  it('keeps the allowed formatting', () => {
    const html = '<h3>Compte rendu</h3><p><strong>Gras</strong>, <em>italique</em>, <u>souligné</u>, <s>barré</s><br></p><ul><li>un</li></ul><ol><li>deux</li></ol><blockquote>cité</blockquote><h4>Suite</h4>';
    expect(sanitizeBody(html)).toBe(
      '<h3>Compte rendu</h3><p><strong>Gras</strong>, <em>italique</em>, <u>souligné</u>, <s>barré</s><br /></p><ul><li>un</li></ul><ol><li>deux</li></ol><blockquote>cité</blockquote><h4>Suite</h4>',
    );
  });

  it('removes scripts with their content, event handlers, styles and unknown tags', () => {
    expect(sanitizeBody('<p onclick="steal()" style="color:red">Bonjour<script>alert(1)</script></p>')).toBe('<p>Bonjour</p>');
    expect(sanitizeBody('<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><p>ok</p>')).toBe('<p>ok</p>');
    expect(sanitizeBody('<svg onload="alert(1)"><p>texte</p></svg>')).toBe('<p>texte</p>');
    expect(sanitizeBody('<h1>Titre</h1>')).toBe('Titre');
  });

  it('keeps http(s) and mailto links only, and makes them open safely', () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer nofollow" target="_blank">x</a>');
    expect(sanitizeBody('<a href="JaVaScRiPt&colon;alert(1)">x</a>')).not.toContain('alert');
    expect(sanitizeBody('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).not.toContain('data:');
    expect(sanitizeBody('<a href="//evil.example">x</a>')).not.toContain('evil');
    expect(sanitizeBody('<a href="https://www.service-public.fr" onmouseover="x()">lien</a>')).toBe(
      '<a href="https://www.service-public.fr" rel="noopener noreferrer nofollow" target="_blank">lien</a>',
    );
    expect(sanitizeBody('<a href="mailto:contact@example.fr">écrire</a>')).toContain('href="mailto:contact@example.fr"');
  });

  it('returns null when nothing readable is left', () => {
    expect(sanitizeBody('<script>alert(1)</script>')).toBeNull();
    expect(sanitizeBody('  ')).toBeNull();
    expect(sanitizeBody(null)).toBeNull();
  });
});
