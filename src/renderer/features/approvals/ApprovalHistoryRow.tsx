import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { getAction } from '../../../shared/approvals/catalogue.js';
import type { ApprovalRow } from '../../db/CallsignDb.js';
import { uploadStatus } from '../../db/approvalOutbox.js';
import { FINAL_COLOR } from './outcomeColor.js';

/** One local record: site, caller, action, final state, time, upload state. */
export function ApprovalHistoryRow({ row, siteName }: { row: ApprovalRow; siteName: string }) {
  const { t, i18n } = useTranslation();
  const { record } = row;
  const state = uploadStatus(row);
  const caller =
    'profileId' in record.caller
      ? record.caller.name
      : record.caller.unidentified.name || record.caller.unidentified.number || t('approvals.history.unidentified');
  const upload = (
    <Chip
      variant="outlined"
      color={state === 'sent' ? 'success' : state === 'failed' ? 'error' : 'warning'}
      label={t(`approvals.uploadState.${state}`)}
      data-testid="upload-state"
      data-upload-state={state}
    />
  );
  return (
    <TableRow data-testid="approval-row" data-record-id={record.id} data-final-state={record.finalState} hover>
      <TableCell>
        {new Date(record.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
      </TableCell>
      <TableCell>{siteName}</TableCell>
      <TableCell>{caller}</TableCell>
      <TableCell>{getAction(record.request.action)?.title ?? record.request.action}</TableCell>
      <TableCell>
        <Chip
          color={FINAL_COLOR[record.finalState]}
          label={t(`approvals.final.${record.finalState}`)}
          data-testid="row-final-state"
        />
      </TableCell>
      <TableCell>{record.ticket ?? ''}</TableCell>
      <TableCell>
        {row.lastError && state !== 'sent' ? <Tooltip title={row.lastError}>{upload}</Tooltip> : upload}
      </TableCell>
    </TableRow>
  );
}
