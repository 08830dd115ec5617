/** Where a type-ahead result opens: a site → its view; a person → their site's People tab, highlighted; a reference → its page. */
import type { SearchHit } from '../../../shared/search/index.js';
import { siteRoute } from '../site/siteRoutes.js';

export function hitRoute(hit: Pick<SearchHit, 'kind' | 'id' | 'siteId'>): string {
  switch (hit.kind) {
    case 'site':
      return siteRoute(hit.id);
    case 'person':
      return hit.siteId ? siteRoute(hit.siteId, { tab: 'people', person: hit.id }) : '/sites';
    case 'reference':
      return `/references/${encodeURIComponent(hit.id)}`;
  }
}
