import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { FactRow } from '../lookup/FactRow.js';
import { FreshnessNote } from './FreshnessNote.js';
import { SectionTitle } from './SectionTitle.js';
import { ServersTable } from './ServersTable.js';
import { SoftwareList } from './SoftwareList.js';
import { useSitePolicy } from './useSitePolicy.js';

/** Network info (domain, servers, notes) and the unlicensed software list with its actions. */
export function NetworkTab({ site }: { site: Site }) {
  const { t } = useTranslation();
  const policy = useSitePolicy(site.id);
  const net = site.network;
  return (
    <Stack spacing={2}>
      <Paper sx={{ p: 2 }} data-testid="network-section">
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <SectionTitle>{t('network.title')}</SectionTitle>
          <FreshnessNote />
        </Stack>
        {!net ? (
          <Typography variant="body2" color="text.secondary">
            {t('network.none')}
          </Typography>
        ) : (
          <Stack spacing={2}>
            <Box
              component="dl"
              sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1 }}
            >
              <FactRow label={t('network.domain')}>
                <Typography
                  variant="body2"
                  color={net.domain ? 'text.primary' : 'text.secondary'}
                  data-testid="network-domain"
                >
                  {net.domain ?? t('network.noDomain')}
                </Typography>
              </FactRow>
              {net.notes && (
                <FactRow label={t('network.notes')}>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }} data-testid="network-notes">
                    {net.notes}
                  </Typography>
                </FactRow>
              )}
            </Box>
            <Box>
              <Typography variant="overline" color="text.secondary" component="h3">
                {t('network.servers')}
              </Typography>
              {net.servers.length ? (
                <ServersTable servers={net.servers} />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t('network.noServers')}
                </Typography>
              )}
            </Box>
          </Stack>
        )}
      </Paper>
      <Paper sx={{ p: 2 }} data-testid="software-section">
        <SectionTitle>{t('software.title')}</SectionTitle>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, mt: -0.5 }}>
          {t('software.help')}
        </Typography>
        {!policy.isPending && <SoftwareList items={policy.data?.unlicensedSoftware ?? []} />}
      </Paper>
    </Stack>
  );
}
