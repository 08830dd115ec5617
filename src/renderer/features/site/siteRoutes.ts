/**
 * Links into the site view: `#/sites/:siteId?tab=people&person=…` / `?tab=references&ref=…`. The
 * `credentials` tab exists only for roles with `credentials.checkout` (SiteView hides it otherwise).
 */
export const SITE_TABS = ['overview', 'people', 'references', 'network', 'credentials'] as const;
export type SiteTab = (typeof SITE_TABS)[number];

export function parseSiteTab(value: string | null): SiteTab {
  return (SITE_TABS as readonly string[]).includes(value ?? '') ? (value as SiteTab) : 'overview';
}

export function siteRoute(siteId: string, opts: { tab?: SiteTab; person?: string; ref?: string } = {}): string {
  const params = new URLSearchParams();
  if (opts.tab && opts.tab !== 'overview') params.set('tab', opts.tab);
  if (opts.person) params.set('person', opts.person);
  if (opts.ref) params.set('ref', opts.ref);
  const q = params.toString();
  return `/sites/${encodeURIComponent(siteId)}${q ? `?${q}` : ''}`;
}
