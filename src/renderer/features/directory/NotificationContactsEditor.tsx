import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { NotificationContact } from '../../../shared/api/approvals.js';
import { FormField } from './FormField.js';

/** Who is emailed when a request for this site ends escalated (Tier 4 or the partner). */
export function NotificationContactsEditor({
  items,
  onChange,
  readOnly,
  errorAt,
}: {
  items: readonly NotificationContact[];
  onChange: (c: NotificationContact[]) => void;
  readOnly: boolean;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, p: Partial<NotificationContact>) =>
    onChange(items.map((c, j) => (j === i ? { ...c, ...p } : c)));
  return (
    <Stack spacing={1} data-testid="notification-contacts">
      <Typography variant="subtitle2">{t('directory.contacts.notification.title')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('directory.contacts.notification.help')}
      </Typography>
      {items.map((c, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <FormField
            label={t('directory.contacts.name')}
            value={c.name}
            onChange={(name) => set(i, { name })}
            error={errorAt(`notificationContacts.${i}.name`)}
            testId={`notification-contact-name-${i}`}
            readOnly={readOnly}
          />
          <FormField
            label={t('directory.contacts.email')}
            value={c.email}
            onChange={(email) => set(i, { email: email.trim() })}
            error={errorAt(`notificationContacts.${i}.email`)}
            testId={`notification-contact-email-${i}`}
            readOnly={readOnly}
          />
          {!readOnly && (
            <IconButton
              aria-label={t('directory.removeItem', { item: c.name || c.email || t('directory.contacts.name') })}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {!readOnly && (
        <Stack direction="row">
          <Button
            size="small"
            startIcon={<AddOutlined />}
            onClick={() => onChange([...items, { name: '', email: '' }])}
            data-testid="notification-contact-add"
          >
            {t('directory.contacts.notification.add')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
