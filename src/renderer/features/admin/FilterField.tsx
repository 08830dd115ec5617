import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import FilterList from '@mui/icons-material/FilterList';

/** The filter box above an admin table; Esc clears it. */
export function FilterField({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  testId: string;
}) {
  return (
    <TextField
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && value && (e.stopPropagation(), onChange(''))}
      placeholder={label}
      sx={{ width: 300 }}
      slotProps={{
        htmlInput: { 'aria-label': label, 'data-testid': testId, spellCheck: false },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <FilterList fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
