import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import BugReportOutlined from '@mui/icons-material/BugReportOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import type { ReferenceKind } from '../../../shared/domain/index.js';

const ICONS: Record<ReferenceKind, React.ReactElement> = {
  known_error: <BugReportOutlined />,
  how_to: <MenuBookOutlined />,
  other: <DescriptionOutlined />,
};

/** "Known error" / "How-to" / "Other", with an icon so the kind never depends on colour. */
export function ReferenceKindChip({ kind }: { kind: ReferenceKind }) {
  const { t } = useTranslation();
  return (
    <Chip
      icon={ICONS[kind]}
      label={t(`references.kind.${kind}`)}
      variant="outlined"
      data-testid="reference-kind"
      data-kind={kind}
    />
  );
}
