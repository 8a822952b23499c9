import { Node, mergeAttributes, type Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** An image of the media library: `{mediaId, alt, caption?}` as the server's rich-text allowlist wants it. */
export const MediaImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      mediaId: { default: null, parseHTML: (element) => element.getAttribute('data-media-id'), renderHTML: (attrs) => ({ 'data-media-id': attrs['mediaId'] as string }) },
      alt: { default: '', parseHTML: (element) => element.getAttribute('alt') ?? '', renderHTML: (attrs) => ({ alt: attrs['alt'] as string }) },
      caption: { default: null, rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'img[data-media-id]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes, { src: `/media/${node.attrs['mediaId'] as string}/640`, class: 'cms-media-image' })];
  },
});

/** A video of an allowlisted provider; the server checks provider and URL, the editor shows a placeholder. */
export const VideoEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  addAttributes() {
    return { provider: { default: null }, url: { default: null }, title: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'div[data-embed]' }];
  },
  renderHTML({ node }) {
    return ['div', { 'data-embed': '', class: 'cms-embed' }, `▶ ${node.attrs['provider'] as string} — ${node.attrs['url'] as string}`];
  },
});

/** Exactly the nodes and marks of the server's allowlist (`modules/cms/rich-text`). */
export function cmsExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { target: null, rel: null } },
      trailingNode: false,
    }),
    MediaImage,
    VideoEmbed,
    TableKit.configure({ table: { resizable: false } }),
  ];
}

const EMBED_PROVIDERS: ReadonlyArray<{ provider: string; pattern: RegExp }> = [
  { provider: 'youtube', pattern: /^https:\/\/(www\.)?(youtube\.com|youtu\.be)\//i },
  { provider: 'vimeo', pattern: /^https:\/\/(www\.|player\.)?vimeo\.com\//i },
  { provider: 'dailymotion', pattern: /^https:\/\/(www\.)?(dailymotion\.com|dai\.ly)\//i },
];

/** The provider of a video URL (PeerTube instances are checked by the server only). */
export function embedProviderOf(url: string): string | null {
  return EMBED_PROVIDERS.find((entry) => entry.pattern.test(url))?.provider ?? null;
}

/** Same rule as the server: http(s), mailto or a site path. */
export function isAllowedHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|\/)/i.test(href.trim());
}
