import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';

interface Props {
  site: Site;
  profile: ClientProfile | undefined;
  actionTitle: string | undefined;
  typedCaller: { name: string; number: string };
  onTypedCaller: (c: { name: string; number: string }) => void;
  ticket: string;
  onTicket: (t: string) => void;
  locked: boolean;
}

/** Who is asking for what at which site, the ticket number, and (if unidentified) the caller's typed name/number. */
export function WizardHeader({
  site,
  profile,
  actionTitle,
  typedCaller,
  onTypedCaller,
  ticket,
  onTicket,
  locked,
}: Props) {
  const { t } = useTranslation();
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="h1" component="h1">
          {actionTitle ?? t('approvals.wizard.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="approval-context">
          {profile
            ? t('approvals.wizard.for', { name: `${profile.firstName} ${profile.lastName}`, site: site.name })
            : t('approvals.wizard.forUnidentified', { site: site.name })}
        </Typography>
        {!profile && (
          <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
            <TextField
              label={t('approvals.wizard.callerName')}
              value={typedCaller.name}
              disabled={locked}
              onChange={(e) => onTypedCaller({ ...typedCaller, name: e.target.value })}
              slotProps={{ htmlInput: { 'data-testid': 'caller-name-input', maxLength: 120 } }}
            />
            <TextField
              label={t('approvals.wizard.callerNumber')}
              value={typedCaller.number}
              disabled={locked}
              onChange={(e) => onTypedCaller({ ...typedCaller, number: e.target.value })}
              slotProps={{ htmlInput: { 'data-testid': 'caller-number-input', maxLength: 40 } }}
            />
          </Stack>
        )}
      </Box>
      <TextField
        label={t('approvals.wizard.ticket')}
        value={ticket}
        disabled={locked}
        onChange={(e) => onTicket(e.target.value)}
        helperText={t('approvals.wizard.ticketHelp')}
        slotProps={{ htmlInput: { 'data-testid': 'ticket-input', maxLength: 64, autoComplete: 'off' } }}
        sx={{ width: { md: 200 }, flexShrink: 0 }}
      />
    </Stack>
  );
}
