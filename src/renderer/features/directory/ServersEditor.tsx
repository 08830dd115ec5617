import { useTranslation } from 'react-i18next';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NetworkInfo, NetworkServer } from '../../../shared/domain/index.js';
import { RemoveItemButton, AddItemButton } from './ListButtons.js';
import { FormField, optional } from './FormField.js';

/** Network info (seeds/004): the AD domain, notes, and the servers a technician may need to name. */
export function ServersEditor({
  network,
  onChange,
  readOnly,
  errorAt,
}: {
  network: NetworkInfo | undefined;
  onChange: (n: NetworkInfo) => void;
  readOnly: boolean;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const net: NetworkInfo = network ?? { servers: [] };
  const setServer = (i: number, p: Partial<NetworkServer>) =>
    onChange({ ...net, servers: net.servers.map((s, j) => (j === i ? { ...s, ...p } : s)) });
  return (
    <Stack spacing={1.5} data-testid="site-network">
      <Typography variant="subtitle1" component="h3">
        {t('directory.network.title')}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormField
            label={t('directory.network.domain')}
            value={net.domain}
            onChange={(v) => onChange({ ...net, domain: optional(v) })}
            error={errorAt('network.domain')}
            testId="network-domain"
            readOnly={readOnly}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <FormField
            label={t('directory.network.notes')}
            value={net.notes}
            onChange={(v) => onChange({ ...net, notes: optional(v) })}
            error={errorAt('network.notes')}
            testId="network-notes"
            readOnly={readOnly}
            multiline
          />
        </Grid>
      </Grid>
      {net.servers.map((s, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="network-server">
          <FormField
            label={t('directory.network.serverName')}
            value={s.name}
            onChange={(name) => setServer(i, { name })}
            error={errorAt(`network.servers.${i}.name`)}
            testId={`server-name-${i}`}
            readOnly={readOnly}
          />
          <FormField
            label={t('directory.network.serverRole')}
            value={s.role}
            onChange={(role) => setServer(i, { role })}
            error={undefined}
            testId={`server-role-${i}`}
            readOnly={readOnly}
          />
          <FormField
            label={t('directory.network.serverAddress')}
            value={s.address}
            onChange={(v) => setServer(i, { address: optional(v) })}
            error={undefined}
            testId={`server-address-${i}`}
            readOnly={readOnly}
          />
          {!readOnly && (
            <RemoveItemButton
              item={s.name || t('directory.network.serverName')}
              onClick={() => onChange({ ...net, servers: net.servers.filter((_, j) => j !== i) })}
            />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <AddItemButton
          label={t('directory.network.addServer')}
          onClick={() => onChange({ ...net, servers: [...net.servers, { name: '', role: '' }] })}
          testId="network-add-server"
        />
      )}
    </Stack>
  );
}
