import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Site } from '../../../shared/domain/index.js';
import { hasPermission } from '../../../shared/auth/permissions.js';
import { CredentialsTab } from '../credentials/CredentialsTab.js';
import { useSessionStatus } from '../session/useSessionStatus.js';
import { SiteMessageBanner } from './SiteMessageBanner.js';
import { SiteReferences } from '../references/SiteReferences.js';
import { CallerPanel } from './CallerPanel.js';
import { NetworkTab } from './NetworkTab.js';
import { OverviewTab } from './OverviewTab.js';
import { PeopleTab } from './PeopleTab.js';
import { SiteHeader } from './SiteHeader.js';
import { parseSiteTab, SITE_TABS, type SiteTab } from './siteRoutes.js';

/**
 * Everything about one site on one screen: the site message first (red, never expires), the
 * caller on the line, name and greeting, then Overview / People / References / Network & software,
 * and Credentials for roles that may check them out.
 * The tab lives in the URL so Back and links work.
 */
export function SiteView({ site }: { site: Site }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const role = useSessionStatus().data?.user?.role;
  const canCheckout = role !== undefined && hasPermission(role, 'credentials.checkout');
  const tabs = SITE_TABS.filter((k) => k !== 'credentials' || canCheckout);
  const asked = parseSiteTab(params.get('tab'));
  // A technician following a credentials link lands on the overview: the tab is absent, not disabled.
  const tab = tabs.includes(asked) ? asked : 'overview';
  const person = params.get('person') ?? undefined;
  const focusRef = params.get('ref') ?? undefined;
  const select = (next: SiteTab) => setParams(next === 'overview' ? {} : { tab: next }, { replace: true });
  return (
    <Box sx={{ maxWidth: 1200, mx: 'auto' }} data-testid="site-view" data-site-id={site.id}>
      {site.siteMessage && <SiteMessageBanner message={site.siteMessage} pinned />}
      <CallerPanel viewingSiteId={site.id} />
      <SiteHeader site={site} />
      <Tabs
        value={tab}
        onChange={(_e, v: SiteTab) => select(v)}
        aria-label={t('siteView.tabsLabel')}
        sx={{
          mt: 2,
          mb: 2,
          borderBottom: 1,
          borderColor: 'divider',
          minHeight: 40,
          '& .MuiTab-root': { minHeight: 40, py: 1 },
        }}
      >
        {tabs.map((k) => (
          <Tab
            key={k}
            value={k}
            label={t(`siteView.tabs.${k}`)}
            id={`site-tab-${k}`}
            aria-controls={`site-panel-${k}`}
            data-testid={`site-tab-${k}`}
          />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`site-panel-${tab}`} aria-labelledby={`site-tab-${tab}`}>
        {tab === 'overview' && <OverviewTab site={site} />}
        {tab === 'people' && <PeopleTab key={person ?? ''} site={site} highlightId={person} />}
        {tab === 'references' && <SiteReferences key={focusRef ?? ''} siteId={site.id} focusId={focusRef} />}
        {tab === 'network' && <NetworkTab site={site} />}
        {tab === 'credentials' && role && <CredentialsTab siteId={site.id} siteName={site.name} role={role} />}
      </Box>
    </Box>
  );
}
