import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { AUDIT_EVENT_TYPES } from '../../../shared/api/audit.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

const ALL = '';

/** The event-type filter of the Audit tab: every type the server writes, by readable label. */
export function AuditTypeSelect({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (type: string | null) => void;
  label: (type: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  const options = [...AUDIT_EVENT_TYPES].sort((a, b) => collator.compare(label(a), label(b)));
  return (
    <TextField
      select
      label={t('audit.typeFilter')}
      value={value ?? ALL}
      onChange={(e) => onChange(e.target.value === ALL ? null : e.target.value)}
      sx={{ width: 260 }}
      slotProps={{
        select: { displayEmpty: true, SelectDisplayProps: { 'data-testid': 'audit-type-filter' } as object },
        inputLabel: { shrink: true },
      }}
    >
      <MenuItem value={ALL}>{t('audit.allTypes')}</MenuItem>
      {options.map((type) => (
        <MenuItem key={type} value={type} data-testid={`audit-type-${type}`}>
          {label(type)}
        </MenuItem>
      ))}
    </TextField>
  );
}
