import { describe, expect, it } from 'vitest';
import { eventDates } from './event-views.js';
import { buildAtomFeed, buildRobots, buildSitemap } from './feeds.js';
import { httpDate, isFresh, strongEtag } from './http-caching.js';
import { PageCache, type CachedPage } from './page-cache.js';
import { normalisePath } from './site-responder.js';
import { childrenNamed, parseXmlStrict, textOf } from '../../../test/strict-xml.js';
import { contrastRatio, DEFAULT_ACCENT, resolveTheme } from './theme.js';
import { escapeXml } from './xml.js';

const page = (body: string): CachedPage => ({ status: 200, contentType: 'text/html', body, etag: strongEtag(body), lastModified: httpDate(new Date()), cacheControl: 'public' });
const request = (headers: Record<string, string>) => ({ headers }) as never;

describe('theme contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });

  it('keeps compliant colours and repairs the others', () => {
    expect(resolveTheme({ primaryColour: '#1d3d6b', accentColour: '#0b5cad' })).toEqual({ primary: '#1d3d6b', onPrimary: '#ffffff', accent: '#0b5cad', adjusted: false });
    const yellow = resolveTheme({ primaryColour: '#ffff00', accentColour: '#ffee00' });
    expect(yellow.onPrimary).toBe('#111111');
    expect(contrastRatio(yellow.primary, yellow.onPrimary)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(yellow.accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(yellow.adjusted).toBe(true);
    expect(resolveTheme({ primaryColour: 'red; background:url(x)', accentColour: null }).accent).toBe(DEFAULT_ACCENT);
    for (const colour of ['#7fb2ff', '#f5d90a', '#00ff00', '#ffffff', '#888888']) {
      const theme = resolveTheme({ primaryColour: colour, accentColour: colour });
      expect(contrastRatio(theme.primary, theme.onPrimary)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.accent, '#f4f5f7')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('page cache', () => {
  it('evicts the least recently used entries beyond its byte bound', () => {
    const cache = new PageCache(2000);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, page(key.repeat(200)));
    expect(cache.get('a')).toBeDefined();
    cache.set('e', page('e'.repeat(200)));
    expect(cache.usedBytes).toBeLessThanOrEqual(2000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    cache.set('huge', page('x'.repeat(5000)));
    expect(cache.get('huge')).toBeUndefined();
  });

  it('drops a site on demand and is disabled with a zero bound', () => {
    const cache = new PageCache(1_000_000);
    cache.set('site1|1|/', page('x'));
    cache.set('site2|1|/', page('y'));
    cache.invalidateSite('site1');
    expect(cache.size).toBe(1);
    const disabled = new PageCache(0);
    disabled.set('k', page('x'));
    expect(disabled.get('k')).toBeUndefined();
  });

  it('renders pages with events again once their freshness has passed', () => {
    const cache = new PageCache(1_000_000);
    cache.set('events', { ...page('x'), freshUntil: Date.now() + 60_000 });
    cache.set('stale', { ...page('y'), freshUntil: Date.now() - 1 });
    expect(cache.get('events')).toBeDefined();
    expect(cache.get('stale')).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});

describe('event dates', () => {
  it('words one-day and multi-day events in the event’s time zone', () => {
    expect(eventDates(new Date('2026-12-04T08:00:00Z'), new Date('2026-12-04T11:30:00Z'), 'Europe/Paris')).toBe('vendredi 4 décembre 2026, de 09:00 à 12:30');
    expect(eventDates(new Date('2026-12-04T08:00:00Z'), new Date('2026-12-05T16:00:00Z'), 'America/Martinique')).toBe('du vendredi 4 décembre 2026 à 04:00 au samedi 5 décembre 2026 à 12:00');
    // An unknown zone falls back to Paris rather than failing the page.
    expect(eventDates(new Date('2026-07-01T08:00:00Z'), new Date('2026-07-01T09:00:00Z'), 'Nulle/Part')).toBe('mercredi 1 juillet 2026, de 10:00 à 11:00');
  });
});

describe('conditional requests', () => {
  const etag = strongEtag('<p>x</p>');
  const modified = httpDate(new Date('2026-11-29T10:00:00.500Z'));
  it('matches If-None-Match (lists, weak form, star) before If-Modified-Since', () => {
    expect(isFresh(request({ 'if-none-match': etag }), etag, modified)).toBe(true);
    expect(isFresh(request({ 'if-none-match': `"a", W/${etag}` }), etag, modified)).toBe(true);
    expect(isFresh(request({ 'if-none-match': '*' }), etag, modified)).toBe(true);
    expect(isFresh(request({ 'if-none-match': '"a"', 'if-modified-since': modified }), etag, modified)).toBe(false);
    expect(isFresh(request({ 'if-modified-since': modified }), etag, modified)).toBe(true);
    expect(isFresh(request({ 'if-modified-since': 'Sat, 28 Nov 2026 10:00:00 GMT' }), etag, modified)).toBe(false);
    expect(isFresh(request({ 'if-modified-since': 'garbage' }), etag, modified)).toBe(false);
    expect(isFresh(request({}), etag, modified)).toBe(false);
    expect(modified).toBe('Sun, 29 Nov 2026 10:00:00 GMT');
  });
});

describe('feeds and sitemap', () => {
  it('builds a parseable Atom feed with escaped text and no invalid characters', () => {
    const xml = buildAtomFeed({
      feedUrl: 'https://exemple.fr/feed.xml?a=1&b=2',
      siteUrl: 'https://exemple.fr/',
      title: 'Actus <&> "site"',
      authorName: 'Site',
      fallbackUpdated: new Date(0),
      entries: [{ id: '0192f3a0-0000-7000-8000-000000000001', title: 'Titre \u0001 <script>', url: 'https://exemple.fr/a', summary: 'R&D', publishedAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-01-02T00:00:00Z'), author: 'Moi' }],
    });
    const feed = parseXmlStrict(xml);
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(textOf(feed, 'title')).toBe('Actus <&> "site"');
    expect(textOf(feed, 'updated')).toBe('2026-01-02T00:00:00.000Z');
    const [entry] = childrenNamed(feed, 'entry');
    expect(textOf(entry!, 'title')).toBe('Titre  <script>');
    expect(textOf(entry!, 'id')).toBe('urn:uuid:0192f3a0-0000-7000-8000-000000000001');
    expect(() => parseXmlStrict('<a>x & y</a>')).toThrow();
    expect(escapeXml('a\u0000b\ud800c')).toBe('abc');
  });

  it('builds a sitemap and robots.txt', () => {
    const xml = buildSitemap([{ loc: 'https://exemple.fr/a?x=1&y=2', lastModified: new Date('2026-01-01T00:00:00Z') }, { loc: 'https://exemple.fr/' }]);
    const urlset = parseXmlStrict(xml);
    expect(childrenNamed(urlset, 'url').map((url) => textOf(url, 'loc'))).toEqual(['https://exemple.fr/a?x=1&y=2', 'https://exemple.fr/']);
    expect(buildRobots({ basePath: '', sitemapUrl: 'https://exemple.fr/sitemap.xml' })).toContain('Disallow: /recherche');
  });

  it('normalises public paths', () => {
    expect(normalisePath('')).toBe('/');
    expect(normalisePath('/a/b/')).toBe('/a/b');
    expect(normalisePath('/a/../b')).toBeNull();
    expect(normalisePath(`/${'a'.repeat(600)}`)).toBeNull();
  });
});
