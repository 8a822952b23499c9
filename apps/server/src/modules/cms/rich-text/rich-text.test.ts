import { describe, expect, it } from 'vitest';
import { collectMediaIds, renderRichText, richTextToPlainText, sanitizeHtmlToRichText, validateRichText, type RichTextDocument, type RenderableMedia } from './index.js';

const MEDIA_ID = '0192f3a0-0000-7000-8000-000000000001';
const media: Record<string, RenderableMedia> = {
  [MEDIA_ID]: { kind: 'image', url: '/media/a/original.webp', variants: [{ width: 320, url: '/media/a/320.webp' }, { width: 960, url: '/media/a/960.webp' }] },
};
const render = (doc: RichTextDocument) => renderRichText(doc, { resolveMedia: (id) => media[id] });

const sample: RichTextDocument = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Assemblée générale' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Rendez-vous ' },
        { type: 'text', text: 'jeudi', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'le site', marks: [{ type: 'link', attrs: { href: 'https://exemple.fr/a?b=1&c=2', target: '_blank', rel: null, class: null } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un' }] }] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'trois' }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cité' }] }] },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'a < b' }] },
    { type: 'horizontalRule' },
    { type: 'image', attrs: { mediaId: MEDIA_ID, alt: 'Salle « pleine »', caption: 'Photo' } },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nom' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dupont' }] }] }] },
      ],
    },
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Le film' } },
    { type: 'paragraph' },
  ],
};

describe('validateRichText', () => {
  it('accepts every allowlisted node and mark', () => {
    expect(validateRichText(sample)).toEqual([]);
  });

  it('lists every problem in French with JSON pointers', () => {
    const problems = validateRichText(
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
          { type: 'image', attrs: { mediaId: MEDIA_ID, alt: '  ' } },
          { type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/watch?v=dQw4w9WgXcQ' } },
          { type: 'script', content: [] },
          { type: 'paragraph', attrs: { onclick: 'x' }, content: [{ type: 'listItem' }] },
          { type: 'text', text: 'loose' },
        ],
      },
      { pointerPrefix: '/body' },
    );
    expect(problems).toEqual([
      { pointer: '/body/content/0/attrs/level', message: 'Doit être un entier entre 2 et 4.' },
      { pointer: '/body/content/1/content/0/marks/0/attrs/href', message: expect.stringContaining('Lien refusé') },
      { pointer: '/body/content/2/attrs/alt', message: expect.stringContaining('texte alternatif') },
      { pointer: '/body/content/3/attrs/url', message: expect.stringContaining('Vidéo refusée') },
      { pointer: '/body/content/4/type', message: 'Élément « script » non autorisé.' },
      { pointer: '/body/content/5/attrs/onclick', message: 'Ce champ n’est pas accepté ici.' },
      { pointer: '/body/content/5/content/0/type', message: 'Élément « listItem » non autorisé dans « paragraph ».' },
      { pointer: '/body/content/6/type', message: 'Élément « text » non autorisé dans « doc ».' },
    ]);
  });

  it('refuses a document that is not a doc, and deep nesting', () => {
    expect(validateRichText('<p>x</p>')).toHaveLength(1);
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let depth = 0; depth < 40; depth += 1) node = { type: 'blockquote', content: [node] };
    expect(validateRichText({ type: 'doc', content: [node] })[0]?.message).toContain('trop imbriqué');
  });
});

describe('renderRichText', () => {
  it('renders the allowlist to semantic HTML', () => {
    const html = render(sample);
    expect(html).toContain('<h2>Assemblée générale</h2>');
    expect(html).toContain('<a href="https://exemple.fr/a?b=1&amp;c=2">le site</a>');
    expect(html).toContain('<strong><em>jeudi</em></strong><br>');
    expect(html).toContain('<ol start="3"><li><p>trois</p></li></ol>');
    expect(html).toContain('<pre><code class="language-ts">a &lt; b</code></pre>');
    expect(html).toContain('<img src="/media/a/original.webp" srcset="/media/a/320.webp 320w, /media/a/960.webp 960w"');
    expect(html).toContain('alt="Salle « pleine »"');
    expect(html).toContain('<th>');
    expect(html).toContain('<td colspan="2">');
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Le film"');
    expect(html).toContain('sandbox="');
    expect(collectMediaIds(sample)).toEqual([MEDIA_ID]);
  });

  it('neutralises XSS attempts even in a document that skipped validation', () => {
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(1)' },
          content: [
            { type: 'text', text: '<script>alert("x")</script><img src=x onerror=alert(1)>' },
            { type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: 'lien2', marks: [{ type: 'link', attrs: { href: ' JaVa\tScRiPt:alert(1)' } }] },
            { type: 'text', text: 'lien3', marks: [{ type: 'link', attrs: { href: '//evil.example/x' } }] },
            { type: 'text', text: 'lien4', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }] },
          ],
        },
        { type: 'image', attrs: { mediaId: MEDIA_ID, alt: '"><script>alert(1)</script>', onerror: 'alert(1)' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/embed/dQw4w9WgXcQ' } },
        { type: 'embed', attrs: { provider: 'other', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="alert(1)' } },
        { type: 'rawHtml', attrs: { html: '<script>alert(1)</script>' } },
        { type: 'codeBlock', attrs: { language: '"><script>' }, content: [{ type: 'text', text: '</code><script>' }] },
      ],
    } as unknown as RichTextDocument;
    const html = render(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<p>&lt;script&gt;');
    expect(html).toContain('lienlien2lien3lien4</p>'); // link texts kept, without the links
    expect(html).not.toContain('<a ');
  });

  it('leaves out images whose media is missing or unsafe', () => {
    const doc: RichTextDocument = { type: 'doc', content: [{ type: 'image', attrs: { mediaId: MEDIA_ID, alt: 'x' } }] };
    expect(renderRichText(doc, { resolveMedia: () => null })).toBe('');
    expect(renderRichText(doc, { resolveMedia: () => ({ url: 'javascript:alert(1)' }) })).toBe('');
    expect(renderRichText(doc, { resolveMedia: () => ({ url: '/a.webp', variants: [{ width: 10, url: '/b.webp 10w, javascript:x' }] }) })).not.toContain('srcset');
  });

  it('accepts vimeo, dailymotion and listed PeerTube instances only', () => {
    const embed = (provider: string, url: string, hosts?: string[]) =>
      renderRichText({ type: 'doc', content: [{ type: 'embed', attrs: { provider, url } }] }, { resolveMedia: () => null, ...(hosts ? { peertubeHosts: hosts } : {}) });
    expect(embed('vimeo', 'https://vimeo.com/76979871')).toContain('https://player.vimeo.com/video/76979871');
    expect(embed('dailymotion', 'https://www.dailymotion.com/video/x8abcd1')).toContain('https://www.dailymotion.com/embed/video/x8abcd1');
    expect(embed('peertube', 'https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv', ['tube.example.org'])).toContain('https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv');
    expect(embed('peertube', 'https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv')).toBe('');
    expect(embed('youtube', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe('');
  });
});

describe('richTextToPlainText', () => {
  it('keeps the readable text with block separation', () => {
    expect(richTextToPlainText(sample)).toBe('Assemblée générale\n\nRendez-vous jeudi\nle site\n\nun\n\ntrois\n\ncité\n\na < b\n\nNom\nDupont');
  });
});

describe('sanitizeHtmlToRichText', () => {
  it('maps pasted HTML onto the allowlist and the result validates', () => {
    const doc = sanitizeHtmlToRichText(
      '<h1>Titre</h1><p style="color:red">Du <b>gras</b>, de l’<i>italique</i> &amp; un <a href="https://exemple.fr" onclick="x()">lien</a>.</p>' +
        '<ul><li>un</li><li><p>deux</p></li></ul><ol start="2"><li>b</li></ol><pre>x &lt; y</pre>' +
        '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td colspan="2">B</td></tr></tbody></table>' +
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Vidéo"></iframe><div>texte libre<br>suite</div>',
    );
    expect(validateRichText(doc)).toEqual([]);
    expect(doc.content?.[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titre' }] });
    expect(doc.content?.[1]?.content).toEqual([
      { type: 'text', text: 'Du ' },
      { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
      { type: 'text', text: ', de l’' },
      { type: 'text', text: 'italique', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' & un ' },
      { type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href: 'https://exemple.fr/' } }] },
      { type: 'text', text: '.' },
    ]);
    expect(doc.content?.map((node) => node.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'codeBlock', 'table', 'embed', 'paragraph']);
    expect(richTextToPlainText(doc)).toContain('x < y');
  });

  it('drops scripts, handlers, unknown iframes and dangerous links', () => {
    const doc = sanitizeHtmlToRichText(
      '<p>a<script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">b</a><a href="data:text/html,x">c</a></p>' +
        '<iframe src="https://evil.example/embed"></iframe><style>p{}</style><svg onload="alert(1)"><text>d</text></svg>',
    );
    expect(validateRichText(doc)).toEqual([]);
    const html = render(doc);
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|evil|<iframe|<a /i);
    expect(richTextToPlainText(doc)).not.toContain('alert');
  });

  it('returns an empty document for empty input', () => {
    expect(sanitizeHtmlToRichText('<script>x</script>')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
