import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Close from '@mui/icons-material/Close';
import Search from '@mui/icons-material/Search';
import { useLookup } from './useLookup.js';
import { useLookupHint } from './useLookupHint.js';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The lookup box in the top bar: focused on start, Enter runs, Esc clears, hint text underneath. */
export function LookupBox() {
  const { t } = useTranslation();
  const { input, setInput, run, clear, inputRef } = useLookup();
  const hint = useLookupHint();
  const navigate = useNavigate();
  const location = useLocation();
  const toLookup = () => {
    if (location.pathname !== '/lookup' && location.pathname !== '/') void navigate('/lookup');
  };
  return (
    <TextField
      fullWidth
      autoFocus
      inputRef={inputRef}
      value={input}
      placeholder={t(isMac ? 'lookup.placeholderMac' : 'lookup.placeholder')}
      onChange={(e) => {
        setInput(e.target.value);
        toLookup();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          run();
          toLookup();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          clear();
        }
      }}
      helperText={hint}
      slotProps={{
        htmlInput: { 'data-testid': 'lookup-input', 'aria-label': t('lookup.label'), spellCheck: false, autoComplete: 'off', inputMode: 'text' },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <Search fontSize="small" />
            </InputAdornment>
          ),
          endAdornment: input ? (
            <InputAdornment position="end">
              <Tooltip title={t('lookup.clear')}>
                <IconButton edge="end" aria-label={t('lookup.clear')} onClick={() => (clear(), inputRef.current?.focus())}>
                  <Close fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ) : undefined,
          sx: { bgcolor: 'background.paper' },
        },
        formHelperText: {
          // Floats under the box so the top bar keeps its height.
          sx: { position: 'absolute', top: '100%', left: 0, right: 0, mx: 0, mt: 0.5, px: 1.5, py: 0.75, borderRadius: 1, bgcolor: 'background.paper', border: 1, borderColor: 'divider', boxShadow: 2, zIndex: 1 },
          role: 'status',
          // @ts-expect-error data attributes are allowed on the helper text element
          'data-testid': 'lookup-hint',
        },
      }}
      sx={{ position: 'relative' }}
    />
  );
}
