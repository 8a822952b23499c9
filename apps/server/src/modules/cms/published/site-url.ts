/** Where a site is served: its first host name, else its embedded-mode path (`/sites/<slug>`). */
export function siteBaseUrl(site: { slug: string; hostNames: readonly string[] }): string {
  const host = site.hostNames[0];
  return host ? `https://${host}` : `/sites/${site.slug}`;
}

/** The public URL of a content path on a site (canonical for syndicated copies: the origin's). */
export function contentUrl(site: { slug: string; hostNames: readonly string[] }, path: string): string {
  return `${siteBaseUrl(site)}${path}`;
}
