import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useServices } from '../../app/useServices.js';
import { SiteMessageBanner } from '../site/SiteMessageBanner.js';
import { ApprovalWizard } from './ApprovalWizard.js';
import { DemoOutboxPanel } from './DemoOutboxPanel.js';
import { approvalQueries } from './queries.js';
import { SecurityReferences } from './SecurityReferences.js';

/** Route `#/approvals/new?siteId=…&profileId=…`: the wizard for the identified caller, references beside it. */
export function ApprovalWizardPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [params] = useSearchParams();
  const siteId = params.get('siteId') ?? '';
  const profileId = params.get('profileId') ?? undefined;
  const [run, setRun] = useState(0);
  const context = useQuery({ ...approvalQueries.wizardContext(db, siteId, profileId), enabled: siteId !== '' });

  if (!siteId || (context.isSuccess && !context.data)) {
    return (
      <Box sx={{ maxWidth: 720, mx: 'auto' }}>
        <Alert
          severity="info"
          data-testid="approval-no-site"
          action={
            <Button component={RouterLink} to="/lookup" color="inherit">
              {t('approvals.wizard.goLookup')}
            </Button>
          }
        >
          {siteId ? t('approvals.wizard.siteMissing') : t('approvals.wizard.noSite')}
        </Alert>
      </Box>
    );
  }
  if (!context.data) return <LinearProgress aria-label={t('approvals.wizard.loading')} />;
  const { siteMessage } = context.data.site;
  // The banner is a child of the page box, not of the grid: a sticky grid item only sticks within
  // its own grid row, and the message must stay in view on every step (UX.md principle 9).
  return (
    <Box sx={{ maxWidth: 1280, mx: 'auto' }}>
      {siteMessage && <SiteMessageBanner message={siteMessage} pinned />}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(280px, 1fr)' },
        }}
      >
        <ApprovalWizard key={run} context={context.data} onRestart={() => setRun((n) => n + 1)} />
        <Stack spacing={2}>
          <SecurityReferences references={context.data.securityReferences} />
          <DemoOutboxPanel />
        </Stack>
      </Box>
    </Box>
  );
}
