import { useTranslation } from 'react-i18next';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { NetworkServer } from '../../../shared/domain/index.js';

const COLUMNS = ['name', 'role', 'address', 'notes'] as const;

/** The site's servers and devices: name, role, address, notes. */
export function ServersTable({ servers }: { servers: readonly NetworkServer[] }) {
  const { t } = useTranslation();
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader>
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c} sx={{ fontWeight: 600, bgcolor: 'background.paper' }}>
                {t(`network.columns.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {servers.map((s, i) => (
            <TableRow key={`${s.name}-${i}`} data-testid="server-row" sx={{ verticalAlign: 'top' }}>
              <TableCell
                sx={{
                  fontWeight: 600,
                  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                  fontSize: '0.8125rem',
                }}
              >
                {s.name}
              </TableCell>
              <TableCell>{s.role}</TableCell>
              <TableCell
                sx={{
                  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                  fontSize: '0.8125rem',
                  whiteSpace: 'nowrap',
                }}
              >
                {s.address ?? ''}
              </TableCell>
              <TableCell sx={{ color: 'text.secondary' }}>{s.notes ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
