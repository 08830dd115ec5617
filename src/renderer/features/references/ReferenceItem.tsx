import { useEffect, useRef } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { Reference } from '../../../shared/domain/index.js';
import { ReferenceBodyView } from './ReferenceBodyView.js';
import { ReferenceTags } from './ReferenceTags.js';

export interface ReferenceItemProps {
  reference: Reference;
  expanded: boolean;
  onToggle(): void;
  /** Scroll to it once (opened from the type-ahead). */
  focus?: boolean;
}

/** One reference: subject, kind and tags; expands to the structured body. */
export function ReferenceItem({ reference, expanded, onToggle, focus = false }: ReferenceItemProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.scrollIntoView?.({ block: 'start' });
  }, [focus]);
  const id = `ref-${reference.id}`;
  return (
    <Accordion
      ref={ref}
      expanded={expanded}
      onChange={onToggle}
      disableGutters
      data-testid="reference-item"
      data-reference-id={reference.id}
      slotProps={{ transition: { unmountOnExit: true } }}
      sx={{ '&::before': { display: 'none' } }}
    >
      <AccordionSummary expandIcon={<ExpandMore />} aria-controls={`${id}-body`} id={`${id}-head`}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body1" sx={{ fontWeight: 600, mb: 0.5 }} data-testid="reference-subject">
            {reference.subject}
          </Typography>
          <ReferenceTags reference={reference} />
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${id}-body`} sx={{ pt: 0, borderTop: 1, borderColor: 'divider', mx: 2, px: 0, py: 1.5 }}>
        <ReferenceBodyView body={reference.body} />
      </AccordionDetails>
    </Accordion>
  );
}
