import { useTranslation } from 'react-i18next';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import PhoneForwardedOutlined from '@mui/icons-material/PhoneForwardedOutlined';
import Block from '@mui/icons-material/Block';
import type { UnlicensedSoftware } from '../../../shared/approvals/schemas.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

const ICON = {
  install: <CheckCircleOutline fontSize="small" color="success" />,
  call_approver: <PhoneForwardedOutlined fontSize="small" color="warning" />,
  never: <Block fontSize="small" color="error" />,
} as const;

/** The site's unlicensed software decisions, the action said in words (Install / Call approver / Never). */
export function SoftwareList({ items }: { items: readonly UnlicensedSoftware[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="software-empty">
        {t('software.none')}
      </Typography>
    );
  }
  const collator = nameCollator(i18n.language);
  const sorted = [...items].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ fontWeight: 600, width: '45%' }}>{t('software.columns.name')}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{t('software.columns.action')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((s) => (
            <TableRow key={s.name} data-testid="software-row" data-action={s.action}>
              <TableCell sx={{ fontWeight: 600 }}>{s.name}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  {ICON[s.action]}
                  <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="software-action">
                    {t(`software.action.${s.action}`)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    — {t(`software.actionHelp.${s.action}`)}
                  </Typography>
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
