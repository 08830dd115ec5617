import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CallOutlined from '@mui/icons-material/CallOutlined';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import PersonOutline from '@mui/icons-material/PersonOutlineOutlined';
import RuleOutlined from '@mui/icons-material/RuleOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import TrendingUpOutlined from '@mui/icons-material/TrendingUpOutlined';
import { getAction } from '../../../shared/approvals/catalogue.js';
import type { TimelineEntry } from '../../../shared/audit/approvalDetail.js';

type Tone = 'success' | 'error' | 'warning' | 'info' | 'text';

/**
 * One event of a record's timeline: its time, an icon and one sentence (never an SMS code: the record
 * only says that a code was sent or checked, and whether the check passed).
 */
export function TimelineItem({
  entry,
  last,
  hideReasons = false,
}: {
  entry: TimelineEntry;
  last: boolean;
  /** The re-check above already says why, translated: leave out the recorded English lines. */
  hideReasons?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { icon, text, detail, tone } = describe(entry, t, hideReasons);
  const time =
    entry.at === null
      ? t('audit.approvals.timeline.noTime')
      : new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(Date.parse(entry.at));
  return (
    <Stack direction="row" spacing={1.5} data-testid="timeline-item" data-kind={entry.kind}>
      <Stack sx={{ alignItems: 'center' }}>
        <Box
          sx={{
            width: 28,
            height: 28,
            borderRadius: '50%',
            display: 'grid',
            placeItems: 'center',
            bgcolor: 'action.hover',
            color: tone === 'text' ? 'text.secondary' : `${tone}.main`,
            '& svg': { fontSize: 18 },
          }}
        >
          {icon}
        </Box>
        {!last && <Box sx={{ flex: 1, width: '2px', bgcolor: 'divider', my: 0.5 }} />}
      </Stack>
      <Box sx={{ pb: last ? 0 : 1.5, minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" component="div" title={entry.at ?? undefined}>
          {time}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {text}
        </Typography>
        {detail}
      </Box>
    </Stack>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function describe(
  e: TimelineEntry,
  t: T,
  hideReasons: boolean,
): { icon: ReactElement; text: string; detail?: ReactElement; tone: Tone } {
  const k = 'audit.approvals.timeline';
  const note = (text: string) =>
    text ? (
      <Typography variant="body2" color="text.secondary" data-testid="timeline-note">
        {t(`${k}.note`, { note: text })}
      </Typography>
    ) : undefined;
  switch (e.kind) {
    case 'requested':
      return {
        icon: <PersonOutline />,
        tone: 'text',
        text: t(`${k}.requested`, {
          caller: e.callerName || t('audit.approvals.unidentified'),
          action: getAction(e.action)?.title ?? e.action,
        }),
        ...(e.subject
          ? { detail: <Typography variant="body2">{t(`${k}.subject`, { subject: e.subject })}</Typography> }
          : {}),
      };
    case 'rules':
      return {
        icon: <RuleOutlined />,
        tone: 'info',
        text: t(`${k}.rules`, { outcome: t(`approvals.outcome.${e.outcome}`) }),
        ...(hideReasons ? {} : { detail: <ReasonList reasons={e.reasons} /> }),
      };
    case 'caller_code_sent':
      return { icon: <SmsOutlined />, tone: 'text', text: t(`${k}.callerCodeSent`) };
    case 'caller_code_checked':
      return {
        icon: <SmsOutlined />,
        tone: e.ok ? 'success' : 'error',
        text: t(e.ok ? `${k}.callerCodeOk` : `${k}.callerCodeWrong`),
      };
    case 'dialed':
      return {
        icon: <CallOutlined />,
        tone: e.result === 'answered' ? 'success' : 'warning',
        text: t(`${k}.dialed`, {
          approver: e.approver,
          number: e.number,
          result: t(`${k}.dialResult.${e.result}`),
        }),
      };
    case 'approver_code_checked':
      return {
        icon: <SmsOutlined />,
        tone: e.ok ? 'success' : 'error',
        text: t(e.ok ? `${k}.approverCodeOk` : `${k}.approverCodeWrong`),
      };
    case 'decided': {
      const detail = note(e.note);
      return {
        icon: <GavelOutlined />,
        tone: e.decision === 'approved' ? 'success' : 'error',
        text: t(`${k}.decided.${e.decision}`),
        ...(detail ? { detail } : {}),
      };
    }
    case 'escalated': {
      const detail = note(e.note);
      return {
        icon: <TrendingUpOutlined />,
        tone: 'warning',
        text: t(`${k}.escalated`),
        ...(detail ? { detail } : {}),
      };
    }
    case 'cancelled': {
      const detail = note(e.note);
      return { icon: <CancelOutlined />, tone: 'text', text: t(`${k}.cancelled`), ...(detail ? { detail } : {}) };
    }
    case 'finished':
      return {
        icon: <FlagOutlined />,
        tone: 'text',
        text: t(`${k}.finished`, { state: t(`approvals.final.${e.finalState}`) }),
      };
    case 'uploaded':
      return { icon: <CloudUploadOutlined />, tone: 'text', text: t(`${k}.uploaded`) };
  }
}

/**
 * The engine's reason lines as the device recorded them. They are stored in English (the record is
 * evidence and is never rewritten), so other languages show them marked as English.
 */
function ReasonList({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return <></>;
  return (
    <Box component="ul" lang="en" sx={{ m: 0, pl: 2.5 }} data-testid="timeline-reasons">
      {reasons.map((r, i) => (
        <Typography component="li" variant="body2" color="text.secondary" key={i}>
          {r}
        </Typography>
      ))}
    </Box>
  );
}
