import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Approver } from '../../../shared/approvals/index.js';
import type { Phone } from '../../../shared/domain/index.js';
import { RemoveItemButton, AddItemButton } from './ListButtons.js';
import { FormField } from './FormField.js';
import { PhonesEditor } from './PhonesEditor.js';
import type { ContactList } from './contactEdits.js';

/**
 * A site's group contacts or partner (MSP) contacts: a name and numbers each. They are picked as
 * approvers above; `onEdit` carries each change into the rules that list the contact (contactEdits.ts).
 */
export function ContactsEditor({
  list,
  contacts,
  siteCountry,
  readOnly,
  onEdit,
  onAdd,
  usedBy,
  errorAt,
}: {
  list: ContactList;
  contacts: readonly Approver[];
  siteCountry: string;
  readOnly: boolean;
  /** Contact `index` becomes `next`; undefined removes it. */
  onEdit: (index: number, next: Approver | undefined) => void;
  onAdd: () => void;
  /** How many rules list contact `index` (said on its remove button). */
  usedBy: (index: number) => number;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const id = list === 'groupContacts' ? 'group' : 'partner';
  return (
    <Stack spacing={1} data-testid={`${id}-contacts`}>
      <Typography variant="subtitle2">{t(`directory.contacts.${id}.title`)}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t(`directory.contacts.${id}.help`)}
      </Typography>
      {contacts.map((c, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 1.5 }}>
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <FormField
                label={t('directory.contacts.name')}
                value={c.name}
                onChange={(name) => onEdit(i, { ...c, name })}
                error={errorAt(`${list}.${i}.name`)}
                testId={`${id}-contact-name-${i}`}
                readOnly={readOnly}
              />
              {!readOnly && (
                <RemoveItemButton
                  item={c.name}
                  label={t('directory.contacts.remove', {
                    name: c.name || t('directory.contacts.name'),
                    count: usedBy(i),
                  })}
                  onClick={() => onEdit(i, undefined)}
                  testId={`${id}-contact-remove-${i}`}
                />
              )}
            </Stack>
            <PhonesEditor
              phones={c.phones as Phone[]}
              onChange={(phones) => onEdit(i, { ...c, phones })}
              siteCountry={siteCountry}
              readOnly={readOnly}
              errorAt={(path) => errorAt(`${list}.${i}.${path}`)}
              idPrefix={`${id}-${i}-`}
            />
          </Stack>
        </Paper>
      ))}
      {!readOnly && (
        <AddItemButton label={t(`directory.contacts.${id}.add`)} onClick={onAdd} testId={`${id}-contact-add`} />
      )}
    </Stack>
  );
}
