import { useTranslation } from 'react-i18next';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SoftwareAction, type UnlicensedSoftware } from '../../../shared/approvals/schemas.js';
import { RemoveItemButton, AddItemButton } from './ListButtons.js';
import { FormField } from './FormField.js';

/** Network Info > Software > Unlicensed Software (seeds/004): each title with Install / Call approver / Never. */
export function SoftwareEditor({
  items,
  onChange,
  readOnly,
  errorAt,
}: {
  items: readonly UnlicensedSoftware[];
  onChange: (s: UnlicensedSoftware[]) => void;
  readOnly: boolean;
  errorAt: (i: number) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, p: Partial<UnlicensedSoftware>) =>
    onChange(items.map((s, j) => (j === i ? { ...s, ...p } : s)));
  return (
    <Stack spacing={1} data-testid="software-editor">
      <Typography variant="subtitle2">{t('directory.software.title')}</Typography>
      {items.map((s, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <FormField
            label={t('directory.software.name')}
            value={s.name}
            onChange={(name) => set(i, { name })}
            error={errorAt(i)}
            testId={`software-name-${i}`}
            readOnly={readOnly}
          />
          <FormField
            label={t('directory.software.action')}
            value={s.action}
            onChange={(v) => set(i, { action: SoftwareAction.parse(v) })}
            error={undefined}
            testId={`software-action-${i}`}
            readOnly={readOnly}
            options={SoftwareAction.options.map((o) => [o, t(`directory.software.actions.${o}`)] as const)}
            sx={{ width: 220, flexShrink: 0 }}
          />
          {!readOnly && (
            <RemoveItemButton
              item={s.name || t('directory.software.name')}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <AddItemButton
          label={t('directory.software.add')}
          onClick={() => onChange([...items, { name: '', action: 'call_approver' }])}
          testId="software-add"
        />
      )}
    </Stack>
  );
}
