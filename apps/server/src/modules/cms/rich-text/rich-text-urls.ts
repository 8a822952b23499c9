/**
 * The URL rules of rich text: which link targets are allowed, and which embed URLs map to which
 * player. Embeds never use the stored URL as the iframe source: the player URL is rebuilt from the
 * video id matched by a fixed pattern, so a crafted URL cannot smuggle another host or path in.
 */

export const EMBED_PROVIDERS = ['youtube', 'vimeo', 'dailymotion', 'peertube'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

/** PeerTube is federated: only instances listed here may be embedded (add yours with the options). */
export const DEFAULT_PEERTUBE_HOSTS: readonly string[] = ['framatube.org', 'peertube.fr', 'video.blender.org'];

export interface EmbedOptions {
  peertubeHosts?: readonly string[];
}

export interface EmbedPlayer {
  provider: EmbedProvider;
  src: string;
  defaultTitle: string;
}

// Browsers drop ASCII tab/newline and leading control characters before reading a scheme
// ("java\tscript:"): do the same before deciding.
const IGNORED_URL_CHARACTERS = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * The normalised link target, or null when it is not allowed. Allowed: absolute http(s) and mailto
 * URLs, and site-relative paths (`/actualites/…`, never protocol-relative `//host`).
 */
export function safeLinkHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (value === '' || value.length > 2048) return null;
  const compact = value.replace(IGNORED_URL_CHARACTERS, '');
  if (compact.startsWith('/')) {
    if (compact.startsWith('//') || compact.startsWith('/\\')) return null;
    try {
      const url = new URL(compact, 'https://site.invalid');
      return url.origin === 'https://site.invalid' ? `${url.pathname}${url.search}${url.hash}` : null;
    } catch {
      return null;
    }
  }
  let url: URL;
  try {
    url = new URL(compact);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.username || url.password ? null : url.href;
  if (url.protocol === 'mailto:') return url.href;
  return null;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const DAILYMOTION_ID = /^[a-zA-Z0-9]{5,12}$/;
const PEERTUBE_ID = /^[A-Za-z0-9-]{6,40}$/;

/** The player for an embed, or null when the provider or the URL is not allowed. */
export function embedPlayer(provider: unknown, rawUrl: unknown, options: EmbedOptions = {}): EmbedPlayer | null {
  if (typeof provider !== 'string' || typeof rawUrl !== 'string' || rawUrl.length > 500) return null;
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  switch (provider) {
    case 'youtube': {
      let id: string | null = null;
      if (host === 'youtu.be') id = segments[0] ?? null;
      else if (['www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com'].includes(host)) {
        if (segments[0] === 'watch') id = url.searchParams.get('v');
        else if (segments[0] === 'embed' || segments[0] === 'shorts') id = segments[1] ?? null;
      }
      return id && YOUTUBE_ID.test(id) ? { provider, src: `https://www.youtube-nocookie.com/embed/${id}`, defaultTitle: 'Vidéo YouTube' } : null;
    }
    case 'vimeo': {
      let id: string | null = null;
      if (host === 'vimeo.com' || host === 'www.vimeo.com') id = segments[0] ?? null;
      else if (host === 'player.vimeo.com' && segments[0] === 'video') id = segments[1] ?? null;
      return id && VIMEO_ID.test(id) ? { provider, src: `https://player.vimeo.com/video/${id}`, defaultTitle: 'Vidéo Vimeo' } : null;
    }
    case 'dailymotion': {
      let id: string | null = null;
      if (host === 'dai.ly') id = segments[0] ?? null;
      else if (host === 'www.dailymotion.com' || host === 'dailymotion.com') {
        if (segments[0] === 'video') id = segments[1] ?? null;
        else if (segments[0] === 'embed' && segments[1] === 'video') id = segments[2] ?? null;
      }
      return id && DAILYMOTION_ID.test(id) ? { provider, src: `https://www.dailymotion.com/embed/video/${id}`, defaultTitle: 'Vidéo Dailymotion' } : null;
    }
    case 'peertube': {
      const hosts = options.peertubeHosts ?? DEFAULT_PEERTUBE_HOSTS;
      if (!hosts.includes(host)) return null;
      let id: string | null = null;
      if (segments[0] === 'w') id = segments[1] ?? null;
      else if (segments[0] === 'videos' && (segments[1] === 'watch' || segments[1] === 'embed')) id = segments[2] ?? null;
      return id && PEERTUBE_ID.test(id) ? { provider, src: `https://${host}/videos/embed/${id}`, defaultTitle: 'Vidéo PeerTube' } : null;
    }
    default:
      return null;
  }
}

/** Which provider an iframe source belongs to (HTML import), or null. */
export function embedFromIframeSource(src: string, options: EmbedOptions = {}): EmbedPlayer | null {
  for (const provider of EMBED_PROVIDERS) {
    const player = embedPlayer(provider, src.startsWith('//') ? `https:${src}` : src, options);
    if (player) return player;
  }
  return null;
}
