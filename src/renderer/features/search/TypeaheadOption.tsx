import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ApartmentOutlined from '@mui/icons-material/ApartmentOutlined';
import ArticleOutlined from '@mui/icons-material/ArticleOutlined';
import PersonOutline from '@mui/icons-material/PersonOutlineOutlined';
import type { SearchHit } from '../../../shared/search/index.js';

const ICON = { site: ApartmentOutlined, person: PersonOutline, reference: ArticleOutlined } as const;

export interface TypeaheadOptionProps {
  hit: SearchHit;
  id: string;
  active: boolean;
  onPick(): void;
  onHover(): void;
}

/** One type-ahead result: icon and kind in words, title, subtitle (company / site / tags). */
export function TypeaheadOption({ hit, id, active, onPick, onHover }: TypeaheadOptionProps) {
  const { t } = useTranslation();
  const Icon = ICON[hit.kind];
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  const via =
    hit.matchedBy === 'phone' ? t('typeahead.byPhone') : hit.matchedBy === 'email' ? t('typeahead.byEmail') : undefined;
  return (
    <Box
      component="li"
      ref={ref}
      id={id}
      role="option"
      aria-selected={active}
      data-testid="typeahead-option"
      data-kind={hit.kind}
      data-id={hit.id}
      onMouseMove={onHover}
      onClick={onPick}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        px: 1.5,
        py: 0.75,
        cursor: 'pointer',
        borderRadius: 1,
        bgcolor: active ? 'action.selected' : 'transparent',
      }}
    >
      <Icon fontSize="small" sx={{ color: active ? 'primary.main' : 'action.active' }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" noWrap sx={{ fontWeight: 600 }}>
          {hit.title}
        </Typography>
        {hit.subtitle && (
          <Typography variant="caption" color="text.secondary" noWrap component="p">
            {hit.subtitle}
          </Typography>
        )}
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ flexShrink: 0 }}>
        {t(`typeahead.kind.${hit.kind}`)}
        {via ? ` · ${via}` : ''}
      </Typography>
    </Box>
  );
}
