import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PhoneInTalk from '@mui/icons-material/PhoneInTalk';
import { lookupRoute } from '../../../shared/deeplink/parseDeepLink.js';
import { CopyButton } from '../account/CopyButton.js';
import { incomingHeadline, isWithheld, otherNumber } from './callText.js';
import { callSiteRoute, useIncomingCall } from './useIncomingCall.js';

/** "Incoming call — Dana Reyes, Northwind Traders — Seattle" with one click to the site; unidentified calls offer copy and look-up. */
export function IncomingCallPopup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { call, dismiss } = useIncomingCall();
  if (!call) return null;
  const route = callSiteRoute(call);
  const number = otherNumber(call);
  const status = call.endedAt
    ? t('calls.incoming.ended')
    : call.answeredBy
      ? t('calls.incoming.answered', { who: call.answeredBy })
      : null;
  return (
    <Snackbar open anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
      <Alert
        severity={route ? 'info' : 'warning'}
        icon={<PhoneInTalk />}
        variant="filled"
        role="alertdialog"
        aria-label={t('calls.incoming.label')}
        data-testid="incoming-call"
        onClose={dismiss}
        sx={{ minWidth: 360, alignItems: 'center' }}
      >
        <Stack spacing={1}>
          <Typography sx={{ fontWeight: 600 }} data-testid="incoming-call-headline">
            {incomingHeadline(t, call)}
          </Typography>
          {call.identification.ambiguous && <Typography variant="body2">{t('calls.ambiguous')}</Typography>}
          {!route && !isWithheld(call) && <Typography variant="body2">{t('calls.incoming.notInDirectory')}</Typography>}
          {status && <Typography variant="body2">{status}</Typography>}
          <Stack direction="row" spacing={1}>
            {route ? (
              <Button
                variant="contained"
                color="inherit"
                sx={{ color: 'info.dark' }}
                autoFocus
                data-testid="incoming-call-open"
                onClick={() => {
                  void navigate(route);
                  dismiss();
                }}
              >
                {t('calls.incoming.open')}
              </Button>
            ) : (
              !isWithheld(call) && (
                <>
                  <CopyButton
                    text={number}
                    label={t('calls.copy')}
                    copiedLabel={t('calls.copied')}
                    variant="contained"
                  />
                  <Button
                    variant="contained"
                    color="inherit"
                    sx={{ color: 'warning.dark' }}
                    onClick={() => {
                      void navigate(lookupRoute({ kind: 'lookup', phone: number }));
                      dismiss();
                    }}
                  >
                    {t('calls.lookup')}
                  </Button>
                </>
              )
            )}
          </Stack>
        </Stack>
      </Alert>
    </Snackbar>
  );
}
