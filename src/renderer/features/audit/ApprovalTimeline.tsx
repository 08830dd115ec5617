import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Close from '@mui/icons-material/Close';
import { getAction } from '../../../shared/approvals/catalogue.js';
import type { ApprovalDetail } from '../../../shared/audit/approvalDetail.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useServices } from '../../app/useServices.js';
import { FINAL_COLOR } from '../approvals/outcomeColor.js';
import { anomalySentence } from './anomalySentence.js';
import { approvalQueries } from './approvalQueries.js';
import { RecheckPanel } from './RecheckPanel.js';
import { TimelineItem } from './TimelineItem.js';

/** A record opened from the table, as a drawer on the right: the table and its filters stay as they were. */
export function ApprovalTimeline({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      anchor="right"
      open={id !== null}
      onClose={onClose}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } }, 'data-testid': 'approval-timeline' } as object }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h2" sx={{ flex: 1 }}>
          {t('audit.approvals.timeline.title')}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('audit.approvals.timeline.close')} data-testid="timeline-close">
          <Close />
        </IconButton>
      </Stack>
      <Box sx={{ p: 2, overflowY: 'auto' }}>{id && <TimelineBody id={id} />}</Box>
    </Drawer>
  );
}

function TimelineBody({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api } = useServices();
  const detail = useQuery(approvalQueries.detail(api, id));
  if (detail.isPending)
    return (
      <Box data-testid="timeline-loading">
        <LinearProgress sx={{ mb: 1, maxWidth: 320 }} />
        <Typography variant="body2" color="text.secondary">
          {t('audit.approvals.timeline.loading')}
        </Typography>
      </Box>
    );
  if (detail.isError)
    return (
      <Alert severity="error" data-testid="timeline-error">
        {t('audit.approvals.timeline.failed', { message: errorText(detail.error) })}
      </Alert>
    );
  return <TimelineContent detail={detail.data} />;
}

function TimelineContent({ detail }: { detail: ApprovalDetail }) {
  const { t, i18n } = useTranslation();
  const { item, chain } = detail;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(Date.parse(iso));
  return (
    <Stack spacing={2} data-testid="timeline-content" data-id={item.id}>
      <Box>
        <Typography variant="h3" sx={{ fontWeight: 600 }}>
          {getAction(item.action)?.title ?? item.action}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('audit.approvals.timeline.summary', {
            site: item.site.name,
            technician: item.technician.name,
            time: when(item.time),
          })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <Chip size="small" color={FINAL_COLOR[item.finalState]} label={t(`approvals.final.${item.finalState}`)} />
          {item.ticket && (
            <Chip
              size="small"
              variant="outlined"
              label={t('audit.approvals.timeline.ticket', { ticket: item.ticket })}
            />
          )}
          {item.approverName && (
            <Chip
              size="small"
              variant="outlined"
              label={t('audit.approvals.timeline.approver', { name: item.approverName })}
            />
          )}
        </Stack>
      </Box>
      {detail.flags.length > 0 ? (
        <Alert severity="warning" data-testid="timeline-flags">
          <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            {t('audit.approvals.timeline.flagsTitle', { count: detail.flags.length })}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {detail.flags.map((f) => (
              <li key={f.code} data-testid="timeline-flag" data-code={f.code}>
                {anomalySentence(t, f, i18n.language)}
              </li>
            ))}
          </Box>
        </Alert>
      ) : (
        <Alert severity="success" data-testid="timeline-no-flags">
          {t('audit.approvals.timeline.noFlags')}
        </Alert>
      )}
      <RecheckPanel recheck={detail.recheck} />
      <Divider />
      <Box data-testid="timeline-events">
        {detail.timeline.map((entry, i) => (
          <TimelineItem
            key={i}
            entry={entry}
            last={i === detail.timeline.length - 1}
            hideReasons={detail.recheck.reasonCodes !== undefined}
          />
        ))}
      </Box>
      <Divider />
      <Stack spacing={0.5} data-testid="timeline-chain">
        <Typography variant="body2">
          {t('audit.approvals.timeline.uploadedAt', { time: when(detail.uploadedAt) })}
        </Typography>
        <Typography variant="body2">
          {t('audit.approvals.timeline.chain', { seq: chain.seq, device: chain.deviceId })}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {t('audit.approvals.timeline.hash', { hash: chain.hash.slice(0, 16), prev: chain.prevHash.slice(0, 16) })}
        </Typography>
        <Link
          component={RouterLink}
          to={`/audit?at=${chain.auditSeq}&subject=${encodeURIComponent(item.id)}`}
          data-testid="timeline-audit-link"
        >
          {t('audit.approvals.timeline.auditLink', { seq: chain.auditSeq })}
        </Link>
      </Stack>
      {detail.checkouts.length > 0 && (
        <Stack spacing={0.5} data-testid="timeline-checkouts">
          <Typography variant="subtitle2">{t('audit.approvals.timeline.checkouts')}</Typography>
          {detail.checkouts.map((c) => (
            <Typography variant="body2" key={c.leaseId}>
              {t('audit.approvals.timeline.checkout', {
                user: c.user.name,
                credential: c.credentialName,
                time: when(c.at),
                ticket: c.ticket,
              })}
            </Typography>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
