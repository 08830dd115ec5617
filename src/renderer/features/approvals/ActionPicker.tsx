import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { actionsByCategory, searchCatalogue, type CatalogueAction } from '../../../shared/approvals/catalogue.js';

/** Step 1: pick the request by typing (titles + synonyms; arrows + Enter) or from the category list. */
export function ActionPicker({ onPick }: { onPick: (actionId: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const groups = useMemo(() => actionsByCategory(), []);
  const results = useMemo(() => searchCatalogue(query), [query]);
  const searching = query.trim() !== '';
  const flat: CatalogueAction[] = searching ? results : groups.flatMap((g) => g.actions);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(flat.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter' && flat[active]) onPick(flat[active].id);
    else if (e.key === 'Escape' && query) setQuery('');
    else return;
    e.preventDefault();
  };

  const option = (a: CatalogueAction, index: number) => (
    <ListItemButton
      key={a.id}
      data-testid="action-option"
      data-action-id={a.id}
      selected={index === active}
      onClick={() => onPick(a.id)}
      onMouseEnter={() => setActive(index)}
      role="option"
      aria-selected={index === active}
      ref={index === active ? (el: HTMLElement | null) => el?.scrollIntoView?.({ block: 'nearest' }) : undefined}
    >
      <ListItemText primary={a.title} secondary={searching ? t(`approvals.category.${a.category}`) : undefined} />
      {a.tier4 && <Chip variant="outlined" color="warning" label={t('approvals.picker.tier4')} sx={{ ml: 1 }} />}
    </ListItemButton>
  );

  let index = 0;
  return (
    <Box>
      <TextField
        fullWidth
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        label={t('approvals.picker.label')}
        placeholder={t('approvals.picker.placeholder')}
        slotProps={{
          htmlInput: {
            'data-testid': 'action-search',
            role: 'combobox',
            'aria-expanded': true,
            'aria-controls': 'approval-actions',
            autoComplete: 'off',
            spellCheck: false,
          },
        }}
      />
      <List
        id="approval-actions"
        role="listbox"
        aria-label={t('approvals.picker.listLabel')}
        sx={{ mt: 1, maxHeight: 440, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        {searching && results.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }} data-testid="action-no-match">
            {t('approvals.picker.noMatch', { query })}
          </Typography>
        )}
        {searching
          ? results.map((a, i) => option(a, i))
          : groups.map((g) => (
              <li key={g.category}>
                <ul style={{ padding: 0 }}>
                  <ListSubheader sx={{ lineHeight: 2.5, fontWeight: 600 }}>
                    {t(`approvals.category.${g.category}`)}
                  </ListSubheader>
                  {g.actions.map((a) => option(a, index++))}
                </ul>
              </li>
            ))}
      </List>
    </Box>
  );
}
