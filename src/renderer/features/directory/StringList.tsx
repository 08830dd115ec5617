import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { RemoveItemButton, AddItemButton } from './ListButtons.js';
import { FormField } from './FormField.js';

/** An editable list of single-line texts (main phones, symptoms, steps, tags, groups). */
export function StringList({
  title,
  items,
  onChange,
  addLabel,
  itemLabel,
  testId,
  readOnly,
  errorAt,
  multiline,
}: {
  title: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  addLabel: string;
  itemLabel: (i: number) => string;
  testId: string;
  readOnly?: boolean;
  errorAt?: (i: number) => string | undefined;
  multiline?: boolean;
}) {
  return (
    <Stack spacing={1} data-testid={testId}>
      <Typography variant="subtitle2">{title}</Typography>
      {items.map((item, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <FormField
            label={itemLabel(i)}
            value={item}
            onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
            error={errorAt?.(i)}
            testId={`${testId}-${i}`}
            readOnly={readOnly}
            multiline={multiline}
          />
          {!readOnly && (
            <RemoveItemButton item={itemLabel(i)} onClick={() => onChange(items.filter((_, j) => j !== i))} />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <AddItemButton label={addLabel} onClick={() => onChange([...items, ''])} testId={`${testId}-add`} />
      )}
    </Stack>
  );
}
