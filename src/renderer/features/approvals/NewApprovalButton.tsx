import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';

/** "New approval" for the identified caller (lookup card): opens the wizard for their site/profile. */
export function NewApprovalButton({ siteId, profileId }: { siteId: string; profileId?: string | undefined }) {
  const { t } = useTranslation();
  const q = new URLSearchParams({ siteId, ...(profileId ? { profileId } : {}) });
  return (
    <Button
      component={RouterLink}
      to={`/approvals/new?${q.toString()}`}
      variant="outlined"
      startIcon={<VerifiedUserOutlined />}
      data-testid="approval-new"
    >
      {t('approvals.newButton')}
    </Button>
  );
}
