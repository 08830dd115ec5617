import { useTranslation } from 'react-i18next';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NotificationContact } from '../../../shared/api/approvals.js';
import { RemoveItemButton, AddItemButton } from './ListButtons.js';
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
            <RemoveItemButton
              item={c.name || c.email || t('directory.contacts.name')}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <AddItemButton
          label={t('directory.contacts.notification.add')}
          onClick={() => onChange([...items, { name: '', email: '' }])}
          testId="notification-contact-add"
        />
      )}
    </Stack>
  );
}
