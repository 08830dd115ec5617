import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CallView } from '../../../shared/api/cti.js';
import type { Role } from '../../../shared/api/auth.js';
import { hasPermission } from '../../../shared/auth/permissions.js';
import { useServices } from '../../app/useServices.js';
import { CopyButton } from '../account/CopyButton.js';
import { useUpdateSettings } from '../settings/mutations.js';
import { useSettings } from '../settings/useSettings.js';
import { AttachNumberDialog } from './AttachNumberDialog.js';
import { callerLabel, durationLabel, isWithheld, otherNumber } from './callText.js';
import { callQueries } from './queries.js';
import { callSiteRoute } from './useIncomingCall.js';
import { useErrorText } from '../../app/useErrorText.js';

const STATE_COLOR = { ringing: 'info', answered: 'success', ended: 'default', missed: 'warning' } as const;

/** Recent calls with who called, missed or answered, and how long; admins attach unknown numbers. */
export function CallLogPage({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { api } = useServices();
  const calls = useQuery(callQueries.log(api));
  const settings = useSettings().data;
  const save = useUpdateSettings();
  const [attaching, setAttaching] = useState<CallView | undefined>();
  const canAttach = hasPermission(role, 'directory.write');
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        {t('calls.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('calls.subtitle')}
      </Typography>
      <FormControlLabel
        sx={{ mb: 2 }}
        control={
          <Switch
            checked={settings?.autoOpenCallSite ?? false}
            onChange={(e) => save.mutate({ autoOpenCallSite: e.target.checked })}
          />
        }
        label={t('calls.autoOpen')}
      />
      {calls.error ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => void calls.refetch()}>
              {t('calls.retry')}
            </Button>
          }
        >
          {t('calls.loadError', { message: errorText(calls.error) })}
        </Alert>
      ) : calls.data?.length === 0 ? (
        <Alert severity="info">{t('calls.empty')}</Alert>
      ) : (
        <Table size="small" stickyHeader data-testid="call-log">
          <TableHead>
            <TableRow>
              {(['time', 'number', 'caller', 'state', 'duration', 'actions'] as const).map((c) => (
                <TableCell key={c}>{t(`calls.columns.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(calls.data ?? []).map((call) => {
              const route = callSiteRoute(call);
              const withheld = isWithheld(call);
              return (
                <TableRow key={call.id} data-testid="call-log-row">
                  <TableCell>{time.format(new Date(call.startedAt))}</TableCell>
                  <TableCell>{withheld ? t('calls.withheld') : otherNumber(call)}</TableCell>
                  <TableCell>
                    {route ? (
                      <Link component={RouterLink} to={route}>
                        {callerLabel(t, call)}
                      </Link>
                    ) : (
                      callerLabel(t, call)
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={STATE_COLOR[call.state]} label={t(`calls.state.${call.state}`)} />
                  </TableCell>
                  <TableCell>{durationLabel(t, call.durationSeconds)}</TableCell>
                  <TableCell>
                    {!withheld && (
                      <Stack direction="row" spacing={1}>
                        <CopyButton
                          text={otherNumber(call)}
                          label={t('calls.copy')}
                          copiedLabel={t('calls.copied')}
                          variant="text"
                        />
                        {canAttach && !call.identification.identified && (
                          <Button size="small" onClick={() => setAttaching(call)}>
                            {t('calls.attach.button')}
                          </Button>
                        )}
                      </Stack>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {attaching && <AttachNumberDialog call={attaching} onClose={() => setAttaching(undefined)} />}
    </Box>
  );
}
