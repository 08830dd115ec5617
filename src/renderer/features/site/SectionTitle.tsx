import type { ReactNode } from 'react';
import Typography from '@mui/material/Typography';

/** A section heading inside a site view tab. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
      {children}
    </Typography>
  );
}
