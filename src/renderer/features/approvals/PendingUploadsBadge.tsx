import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import { usePendingUploadCount } from './usePendingUploadCount.js';

/** Top-bar badge "2 approvals waiting to upload"; hidden when everything is uploaded. */
export function PendingUploadsBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { waiting, failed } = usePendingUploadCount();
  if (waiting === 0) return null;
  const label = t('approvals.uploads.badge', { count: waiting });
  const tip = failed > 0 ? t('approvals.uploads.tooltipFailed', { count: failed }) : t('approvals.uploads.tooltip');
  return (
    <Tooltip title={tip}>
      <Chip
        icon={<CloudUploadOutlined />}
        label={failed > 0 ? t('approvals.uploads.badgeFailed', { text: label, count: failed }) : label}
        color={failed > 0 ? 'error' : 'warning'}
        variant="outlined"
        onClick={() => void navigate('/approvals')}
        aria-label={`${label}. ${tip}`}
        data-testid="pending-uploads"
        data-count={waiting}
      />
    </Tooltip>
  );
}
