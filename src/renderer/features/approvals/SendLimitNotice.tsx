import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { SMS_SENDS_PER_PERSON } from '../../../shared/api/approvals.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { useNow } from '../sync/useNow.js';
import { waitText } from './smsSendWindow.js';
import type { CallRunner } from './useCallRunner.js';

/**
 * The dead end of "three codes in five minutes": says when the next code can go (a live countdown)
 * and what to do meanwhile — call the approver instead, or stop here and escalate (which records the
 * request as cancelled with a note, after a confirmation, like the "code not sent" path).
 */
export function SendLimitNotice({
  runner,
  who,
  name,
  note,
}: {
  runner: CallRunner;
  who: 'caller' | 'approver';
  name: string;
  note: string;
}) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const [confirm, setConfirm] = useState(false);
  const { nextAt } = runner.sendWindow(who, now);
  if (nextAt === null) return null;
  const escalateNote = [t('approvals.sendLimit.note', { name }), note.trim()].filter(Boolean).join(' — ');
  return (
    <>
      <Alert
        severity="warning"
        data-testid={`${who}-code-limit`}
        action={
          <Button color="inherit" onClick={() => setConfirm(true)} data-testid={`${who}-code-limit-escalate`}>
            {t('approvals.sendLimit.escalate')}
          </Button>
        }
      >
        <AlertTitle>{t('approvals.sendLimit.title', { count: SMS_SENDS_PER_PERSON.max, name })}</AlertTitle>
        <span data-testid={`${who}-code-limit-wait`}>
          {t('approvals.sendLimit.wait', { time: waitText(nextAt, now) })}
        </span>{' '}
        {t(`approvals.sendLimit.meanwhile.${who}`)}
      </Alert>
      <ConfirmDialog
        open={confirm}
        testId={`${who}-code-limit-confirm`}
        title={t('approvals.runner.cancelTitle')}
        body={t('approvals.runner.cancelBodyNote', { note: escalateNote })}
        confirmLabel={t('approvals.sendLimit.escalate')}
        dismissLabel={t('approvals.runner.keepOpen')}
        onConfirm={() => {
          setConfirm(false);
          runner.cancel(escalateNote);
        }}
        onClose={() => setConfirm(false)}
      />
    </>
  );
}
