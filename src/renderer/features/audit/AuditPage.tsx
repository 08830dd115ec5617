import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AuditTab } from './AuditTab.js';

/**
 * Route `#/audit`, its own entry in the left rail for roles with `audit.read` (UX.md: "Audit
 * (supervisor+)"): the server's hash-chained audit trail, newest first. The server enforces the
 * permission; the router and the rail only hide the page from other roles.
 */
export function AuditPage() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ maxWidth: 1280, mx: 'auto' }} data-testid="audit-page">
      <Box>
        <Typography variant="h1">{t('audit.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('audit.subtitle')}
        </Typography>
      </Box>
      <AuditTab />
    </Stack>
  );
}
