import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Language from '@mui/icons-material/Language';
import { useUpdateSettings } from '../features/settings/mutations.js';
import { SUPPORTED_LOCALES } from './i18n/createI18n.js';
import { languageName } from './i18n/languageName.js';

/** Language globe: each language named in itself; the choice is saved (settings.set) and applied by useApplyLanguage. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const update = useUpdateSettings();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Tooltip title={t('language.label')}>
        <IconButton
          color="inherit"
          aria-label={t('language.label')}
          aria-haspopup="menu"
          data-testid="language-menu"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Language fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {SUPPORTED_LOCALES.map((l) => (
          <MenuItem
            key={l}
            lang={l}
            selected={i18n.language === l}
            data-testid={`language-${l}`}
            onClick={() => {
              setAnchor(null);
              update.mutate({ locale: l });
            }}
          >
            {languageName(l)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
