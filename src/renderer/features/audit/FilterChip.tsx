import { useRef, useState, type ReactNode } from 'react';
import Chip from '@mui/material/Chip';
import Popover from '@mui/material/Popover';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';

/**
 * One filter of the review as a chip: outlined with the filter's name while unset; filled with
 * "Name: value" and a delete cross once set. Clicking opens `children` in a popover to pick a value
 * (Esc closes it and changes nothing).
 */
export function FilterChip({
  name,
  value,
  onClear,
  testId,
  children,
}: {
  name: string;
  /** The chosen value in words; undefined = unset. */
  value: string | undefined;
  onClear: () => void;
  testId: string;
  children: (close: () => void) => ReactNode;
}) {
  const anchor = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const set = value !== undefined;
  return (
    <>
      <Chip
        ref={anchor}
        label={set ? `${name}: ${value}` : name}
        color={set ? 'primary' : 'default'}
        variant={set ? 'filled' : 'outlined'}
        onClick={() => setOpen(true)}
        {...(set ? { onDelete: onClear } : { deleteIcon: <ArrowDropDown />, onDelete: () => setOpen(true) })}
        aria-haspopup="dialog"
        data-testid={`filter-${testId}`}
        data-set={set ? 'true' : 'false'}
        sx={{ maxWidth: 320 }}
      />
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{
          paper: { sx: { p: 1.5, mt: 0.5, minWidth: 260 }, 'data-testid': `filter-${testId}-popover` } as object,
        }}
      >
        {open && children(() => setOpen(false))}
      </Popover>
    </>
  );
}
