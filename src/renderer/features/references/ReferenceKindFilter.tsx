import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { ReferenceKind } from '../../../shared/domain/index.js';
import { REFERENCE_KINDS } from './filterReferences.js';

/** Toggle chips for the reference kinds; none selected means all kinds. */
export function ReferenceKindFilter({
  selected,
  onChange,
}: {
  selected: readonly ReferenceKind[];
  onChange(kinds: ReferenceKind[]): void;
}) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={0.75} role="group" aria-label={t('references.kindFilterLabel')}>
      {REFERENCE_KINDS.map((k) => {
        const on = selected.includes(k);
        return (
          <Chip
            key={k}
            label={t(`references.kind.${k}`)}
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            aria-pressed={on}
            data-testid={`reference-filter-${k}`}
            onClick={() => onChange(on ? selected.filter((x) => x !== k) : [...selected, k])}
          />
        );
      })}
    </Stack>
  );
}
