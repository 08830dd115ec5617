import type { ReactNode } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { ServicesContext, type Services } from './services.js';
import { createAppTheme } from './theme.js';

const theme = createAppTheme();

/** Theme (mode not persisted by MUI: settings hold it), i18n, query client and services. */
export function AppProviders({
  i18n,
  queryClient,
  services,
  children,
}: {
  i18n: i18n;
  queryClient: QueryClient;
  services: Services | null;
  children: ReactNode;
}) {
  return (
    <ThemeProvider theme={theme} storageManager={null} defaultMode="system" disableTransitionOnChange>
      <CssBaseline />
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
        </QueryClientProvider>
      </I18nextProvider>
    </ThemeProvider>
  );
}
