import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Language from '@mui/icons-material/Language';
import { SUPPORTED_LOCALES } from './i18n/createI18n.js';

/** Language globe. Only en-US exists so far; the menu is where more locales will appear. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Tooltip title={t('language.label')}>
        <IconButton
          color="inherit"
          aria-label={t('language.label')}
          aria-haspopup="menu"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Language fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {SUPPORTED_LOCALES.map((l) => (
          <MenuItem key={l} selected={i18n.language === l} onClick={() => setAnchor(null)}>
            {t(`language.${l}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
