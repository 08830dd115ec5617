import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { CredentialMeta } from '../../../shared/api/credentials.js';

/** Why a check-out is refused before asking the server (the server checks again). */
export function checkoutBlock(c: CredentialMeta, now: number): 'held' | 'rotation' | null {
  if (c.rotation.state !== 'ok') return 'rotation';
  if (c.kind === 'dynamic' && c.lease && Date.parse(c.lease.until) > now) return 'held';
  return null;
}

/** One back-office account: name and username, kind, resources, lease and rotation state, actions. */
export function CredentialRow({
  credential: c,
  now,
  canForce,
  onCheckout,
  onForce,
}: {
  credential: CredentialMeta;
  now: number;
  canForce: boolean;
  onCheckout: () => void;
  onForce: () => void;
}) {
  const { t, i18n } = useTranslation();
  const held = c.lease && Date.parse(c.lease.until) > now ? c.lease : null;
  const until = held
    ? new Date(held.until).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
    : '';
  const block = checkoutBlock(c, now);
  const blockText =
    block === 'held'
      ? t('credentials.heldByOther', { name: held?.heldBy, until })
      : block === 'rotation'
        ? t('credentials.rotationBlocked', { state: t(`credentials.rotation.${c.rotation.state}`).toLowerCase() })
        : '';
  const button = (
    <span>
      <Button
        size="small"
        variant="outlined"
        disabled={block !== null}
        onClick={onCheckout}
        data-testid="credential-checkout"
      >
        {t('credentials.checkout')}
      </Button>
    </span>
  );
  return (
    <TableRow hover data-testid="credential-row" data-credential-id={c.id}>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {c.name}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {c.accountType === 'domain' && c.netbiosDomain ? `${c.netbiosDomain}\\${c.username}` : c.username}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {t(`credentials.category.${c.category}`)}
        </Typography>
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
          <Chip size="small" variant="outlined" label={t(`credentials.kind.${c.kind}`)} data-testid="credential-kind" />
          {c.driver === 'simulated-agent' && (
            <Tooltip title={t('credentials.simulatedHint')}>
              <Chip size="small" color="info" variant="outlined" label={t('credentials.simulated')} />
            </Tooltip>
          )}
        </Stack>
      </TableCell>
      <TableCell>{c.resources.length ? c.resources.join(', ') : t('credentials.noResources')}</TableCell>
      <TableCell data-testid="credential-lease">
        {held ? t('credentials.leaseHeld', { name: held.heldBy, until }) : t('credentials.leaseFree')}
      </TableCell>
      <TableCell data-testid="credential-rotation" data-rotation={c.rotation.state}>
        {c.rotation.state === 'ok' ? (
          <Typography variant="body2" color="text.secondary">
            {t('credentials.rotation.ok')}
          </Typography>
        ) : (
          <Tooltip title={c.rotation.reason ?? ''}>
            <Chip
              size="small"
              color={c.rotation.state === 'failed' ? 'error' : 'warning'}
              label={t(`credentials.rotation.${c.rotation.state}`)}
            />
          </Tooltip>
        )}
      </TableCell>
      <TableCell align="right">
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {held && canForce && (
            <Button size="small" color="warning" onClick={onForce} data-testid="credential-force">
              {t('credentials.forceCheckin')}
            </Button>
          )}
          {blockText ? <Tooltip title={blockText}>{button}</Tooltip> : button}
        </Stack>
      </TableCell>
    </TableRow>
  );
}
