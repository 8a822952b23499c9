import type { ResolvedTheme } from './theme.js';

/**
 * Typed view models: what each template needs, computed by the service from the database. The
 * templates are pure functions of these (unit-testable, no I/O), and escape every string they print.
 */
export interface NavLink {
  label: string;
  href: string;
  children?: NavLink[];
}

export interface SiteView {
  id: string;
  slug: string;
  name: string;
  /** `''` when served on its own host name, `/sites/<slug>` in embedded mode. */
  basePath: string;
  /** Absolute origin + base path (canonical URLs, feeds, sitemap). */
  absoluteBase: string;
  theme: ResolvedTheme;
  logo: ImageView | null;
  footerText: string;
  mainMenu: NavLink[];
  footerMenu: NavLink[];
}

export interface ImageView {
  src: string;
  srcset: string | null;
  alt: string;
}

export interface CategoryView {
  slug: string;
  name: string;
  href: string;
}

export interface ContentCard {
  id: string;
  kind: 'page' | 'article' | 'document';
  title: string;
  summary: string | null;
  href: string;
  publishedAt: Date;
  cover: ImageView | null;
  /** Set for an article syndicated from another site. */
  originSiteName: string | null;
}

export interface ArticleView extends ContentCard {
  bodyHtml: string;
  author: string | null;
  categories: CategoryView[];
  tags: { label: string; href: string }[];
  updatedAt: Date;
  canonicalUrl: string;
  /** Breadcrumb of a page in the tree (ancestors, root first). */
  breadcrumb: NavLink[];
  /** Documents: the file to download. */
  download: { href: string; label: string } | null;
}

export interface PageMeta {
  title: string;
  description: string;
  canonicalUrl: string;
  ogType: 'website' | 'article';
  ogImage: string | null;
  /** `noindex` for search results, previews and errors. */
  noIndex?: boolean;
  feeds: { title: string; href: string }[];
  publishedAt?: Date;
}

export interface Pagination {
  page: number;
  hasNext: boolean;
  /** Builds the href of another page of the same list. */
  hrefOf: (page: number) => string;
}

export interface HomeView {
  intro: ArticleView | null;
  latest: ContentCard[];
  featured: ContentCard[];
  /** The next few public events of the site's entity. */
  upcomingEvents: EventView[];
}

export interface ListView {
  heading: string;
  description: string | null;
  items: ContentCard[];
  pagination: Pagination;
  feed: { title: string; href: string } | null;
}

export interface SearchView {
  query: string;
  items: ContentCard[];
  pagination: Pagination | null;
}

/** A public event of the site's entity (events module), ready to print. */
export interface EventView {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** French wording of the dates in the event's time zone: « jeudi 4 décembre 2026, de 09:00 à 12:00 ». */
  when: string;
  /** Place name and address on one line, null for an online-only event. */
  place: string | null;
  /** Safe http(s) link to join online. */
  onlineUrl: string | null;
  /** « Gratuit » or « Tarif : 25,00 € ». */
  price: string;
  /** « Complet », « 3 places restantes », or null when the event has no capacity. */
  seats: string | null;
  excerpt: string | null;
  /** Anchor on the events page. */
  href: string;
}
