import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CallEndOutlined from '@mui/icons-material/CallEndOutlined';
import PersonOutline from '@mui/icons-material/PersonOutlineOutlined';
import { fullName } from '../../../shared/domain/index.js';
import { useServices } from '../../app/useServices.js';
import { describeMatch } from '../lookup/describeMatch.js';
import { useCaller } from '../lookup/useCaller.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { GreetingLine } from './GreetingLine.js';

/**
 * The caller on the line, pinned above the site view (UX "One screen per call"): who, which site,
 * how they were matched. When the viewed site is another one, the caller's greeting and site
 * message are repeated here so they are never out of sight.
 */
export function CallerPanel({ viewingSiteId }: { viewingSiteId: string }) {
  const { t } = useTranslation();
  const { caller, setCaller } = useCaller();
  const { directory } = useServices();
  useDirectoryVersion();
  if (!caller) return null;
  const site = directory.site(caller.candidate.siteId);
  if (!site) return null;
  const profile = caller.candidate.profileId ? directory.profile(caller.candidate.profileId) : undefined;
  const match = describeMatch(caller.candidate, site, profile);
  const matchText = t(match.key, {
    ...match.values,
    phoneType: t(`lookup.phoneType.${match.values.phoneType ?? 'other'}`),
  });
  const otherSite = site.id !== viewingSiteId;
  return (
    <Paper
      component="section"
      aria-label={t('caller.label')}
      data-testid="caller-panel"
      sx={{
        position: 'sticky',
        top: -24,
        zIndex: 2,
        mb: 2,
        px: 2,
        py: 1,
        borderColor: 'primary.main',
        borderLeftWidth: 4,
      }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <PersonOutline color="primary" />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1 }}>
            <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.4 }}>
              {t('caller.label')}
            </Typography>
            <Typography variant="body1" sx={{ fontWeight: 600 }} data-testid="caller-name">
              {profile ? fullName(profile) : t('caller.unknownPerson')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              ·
            </Typography>
            {otherSite ? (
              <Link
                component={RouterLink}
                to={`/sites/${encodeURIComponent(site.id)}`}
                variant="body2"
                data-testid="caller-site"
              >
                {site.name}
              </Link>
            ) : (
              <Typography variant="body2" data-testid="caller-site">
                {site.name}
              </Typography>
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary" data-testid="caller-match">
            {matchText}
          </Typography>
        </Box>
        <Tooltip title={t('caller.clear')}>
          <IconButton aria-label={t('caller.clear')} onClick={() => setCaller(undefined)} data-testid="caller-clear">
            <CallEndOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      {otherSite && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          {site.siteMessage && (
            <Typography
              variant="body2"
              role="alert"
              data-testid="caller-site-message"
              sx={{
                px: 1.5,
                py: 0.75,
                borderRadius: 0.5,
                bgcolor: 'error.main',
                color: 'error.contrastText',
                fontWeight: 600,
              }}
            >
              {t('site.siteMessage')}: {site.siteMessage}
            </Typography>
          )}
          <GreetingLine site={site} testId="caller-greeting" dense />
        </Stack>
      )}
    </Paper>
  );
}
