import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Close from '@mui/icons-material/Close';
import Search from '@mui/icons-material/Search';
import type { SearchHit } from '../../../shared/search/index.js';
import { hitRoute } from '../search/hitRoute.js';
import { optionId, TypeaheadPanel } from '../search/TypeaheadPanel.js';
import { useTypeahead } from '../search/useTypeahead.js';
import { shouldRunAsYouType } from './lookupInput.js';
import { useLookup } from './useLookup.js';
import { useLookupHint } from './useLookupHint.js';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The lookup box in the top bar: focused on start, Enter runs, Esc clears, hint text underneath.
 * A name, part of a number or an address shows type-ahead results (↑/↓ move, Enter opens).
 */
export function LookupBox() {
  const { t } = useTranslation();
  const { input, setInput, run, clear, inputRef } = useLookup();
  const hint = useLookupHint();
  const navigate = useNavigate();
  const location = useLocation();
  const typeahead = useTypeahead(input);
  const [focused, setFocused] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  // After Enter with nothing to open, the hint ("No site or person matches…") takes the space.
  const open = focused && typeahead.active && !hint;
  const toLookup = () => {
    if (location.pathname !== '/lookup' && location.pathname !== '/') void navigate('/lookup');
  };
  const pick = (hit: SearchHit) => {
    setInput('');
    void navigate(hitRoute(hit));
  };
  const activeHit = open ? typeahead.hits[typeahead.index] : undefined;
  // Focused on start, in a task of its own after the shell's first commit: `autoFocus` focused it inside
  // that commit, forcing a layout and the focus re-render into it (an 80–100 ms task at sign-in while
  // the first sync starts: bench:lookup trace).
  useEffect(() => {
    const timer = setTimeout(() => inputRef.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [inputRef]);
  return (
    <Box sx={{ position: 'relative' }}>
      <TextField
        fullWidth
        inputRef={inputRef}
        value={input}
        placeholder={t(isMac ? 'lookup.placeholderMac' : 'lookup.placeholder')}
        onChange={(e) => {
          setInput(e.target.value);
          // A complete phone/email shows its results on the lookup page; anything else keeps the current
          // page (e.g. the site view) while the type-ahead offers results.
          if (shouldRunAsYouType(e.target.value)) toLookup();
        }}
        onFocus={() => setFocused(true)}
        onBlur={(e) => {
          if (!panelRef.current?.contains(e.relatedTarget as Node | null)) setFocused(false);
        }}
        onKeyDown={(e) => {
          if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            typeahead.move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter' && activeHit) {
            e.preventDefault();
            pick(activeHit);
          } else if (e.key === 'Enter') {
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
          htmlInput: {
            'data-testid': 'lookup-input',
            'aria-label': t('lookup.label'),
            spellCheck: false,
            autoComplete: 'off',
            inputMode: 'text',
            role: 'combobox',
            'aria-autocomplete': 'list',
            'aria-expanded': open,
            'aria-controls': open ? listId : undefined,
            'aria-activedescendant': activeHit ? optionId(listId, typeahead.index) : undefined,
          },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search fontSize="small" />
              </InputAdornment>
            ),
            endAdornment: input ? (
              <InputAdornment position="end">
                <Tooltip title={t('lookup.clear')}>
                  <IconButton
                    edge="end"
                    aria-label={t('lookup.clear')}
                    onClick={() => (clear(), inputRef.current?.focus())}
                  >
                    <Close fontSize="small" />
                  </IconButton>
                </Tooltip>
              </InputAdornment>
            ) : undefined,
            sx: { bgcolor: 'background.paper' },
          },
          formHelperText: {
            // Floats under the box so the top bar keeps its height.
            sx: {
              position: 'absolute',
              top: '100%',
              left: 0,
              right: 0,
              mx: 0,
              mt: 0.5,
              px: 1.5,
              py: 0.75,
              borderRadius: 1,
              bgcolor: 'background.paper',
              border: 1,
              borderColor: 'divider',
              boxShadow: 2,
              zIndex: 1,
            },
            role: 'status',
            // @ts-expect-error data attributes are allowed on the helper text element
            'data-testid': 'lookup-hint',
          },
        }}
        sx={{ position: 'relative' }}
      />
      {open && (
        <TypeaheadPanel
          ref={panelRef}
          listId={listId}
          input={input}
          hits={typeahead.hits}
          index={typeahead.index}
          filter={typeahead.filter}
          onFilter={typeahead.setFilter}
          onPick={pick}
          onHover={typeahead.setIndex}
        />
      )}
    </Box>
  );
}
