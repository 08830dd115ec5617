import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';

/**
 * The remove icon on a row of a form's list (phones, servers, software, contacts). `item` names the
 * row for screen readers ("Remove +1 503 555 0100"); `label` replaces that sentence when a row needs
 * to say more (a contact says how many rules list it).
 */
export function RemoveItemButton({
  item,
  label,
  onClick,
  testId,
}: {
  item: string;
  label?: string;
  onClick: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const text = label ?? t('directory.removeItem', { item });
  return (
    <IconButton aria-label={text} title={label} onClick={onClick} data-testid={testId}>
      <DeleteOutline fontSize="small" />
    </IconButton>
  );
}

/** "Add …" under a form's list, on a row of its own so it keeps its width. */
export function AddItemButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Stack direction="row">
      <Button size="small" startIcon={<AddOutlined />} onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    </Stack>
  );
}
