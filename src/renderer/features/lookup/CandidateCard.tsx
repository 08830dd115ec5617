import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import { greetingFor, type ClientProfile, type Site } from '../../../shared/domain/index.js';
import type { Candidate } from '../../../shared/identify/types.js';
import { NewApprovalButton } from '../approvals/NewApprovalButton.js';
import { OpenSiteButton } from '../site/OpenSiteButton.js';
import { useMatchText } from './useMatchText.js';
import { ProfileDetails } from './ProfileDetails.js';
import { SiteDetails } from './SiteDetails.js';
import { SiteMessageBanner } from '../site/SiteMessageBanner.js';

export interface CandidateCardProps {
  candidate: Candidate;
  site: Site;
  profile: ClientProfile | undefined;
  technicianFirstName: string;
  /** Part of an ambiguous result: the card says which country's reading matched, always. */
  ambiguous?: boolean;
}

/** One identified caller: site message first, then site, greeting to read out, how it matched, the person. */
export function CandidateCard({ candidate, site, profile, technicianFirstName, ambiguous }: CandidateCardProps) {
  const { t } = useTranslation();
  const matchText = useMatchText()(candidate, site, profile, ambiguous);
  return (
    <Paper data-testid="lookup-result" component="article" aria-label={site.name} sx={{ overflow: 'hidden' }}>
      {site.siteMessage && <SiteMessageBanner message={site.siteMessage} />}
      <Box sx={{ p: 2 }}>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1}
          sx={{ justifyContent: 'space-between', alignItems: { sm: 'baseline' } }}
        >
          <Box>
            <Typography variant="h2" component="h2" data-testid="site-name">
              {site.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {site.companyName}
            </Typography>
          </Box>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'success.main', flexShrink: 0 }}>
            <CheckCircleOutline fontSize="small" />
            <Typography variant="body2" data-testid="match-kind" sx={{ color: 'text.primary' }}>
              {matchText}
            </Typography>
          </Stack>
        </Stack>
        <Box
          sx={{
            mt: 1.5,
            pl: 1.5,
            py: 1,
            borderLeft: 3,
            borderColor: 'primary.main',
            bgcolor: 'action.hover',
            borderRadius: 0.5,
          }}
        >
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
            {t('site.greetingLabel')}
          </Typography>
          <Typography variant="body1" data-testid="site-greeting" sx={{ fontSize: '1.0625rem', fontWeight: 500 }}>
            {t('site.greeting', { greeting: greetingFor(site), firstName: technicianFirstName })}
          </Typography>
        </Box>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={3}
          divider={<Divider orientation="vertical" flexItem />}
          sx={{ mt: 2 }}
        >
          {profile && (
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <ProfileDetails profile={profile} siteCountry={site.country} />
            </Box>
          )}
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <SiteDetails site={site} />
          </Box>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <OpenSiteButton candidate={candidate} />
          <NewApprovalButton siteId={site.id} profileId={profile?.id} />
        </Stack>
      </Box>
    </Paper>
  );
}
