import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { Reference } from '../../../shared/domain/index.js';
import { ReferenceKindChip } from './ReferenceKindChip.js';

/** Kind, "All sites" and the tags of a reference. */
export function ReferenceTags({ reference }: { reference: Reference }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <ReferenceKindChip kind={reference.kind} />
      {reference.allSites && <Chip label={t('references.allSites')} color="primary" variant="outlined" />}
      {reference.tags.map((tag) => (
        <Chip key={tag} label={tag} sx={{ bgcolor: 'action.selected' }} data-testid="reference-tag" />
      ))}
    </Stack>
  );
}
