import { useContext } from 'react';
import { ServicesContext, type Services } from './services.js';

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices must be used inside <ServicesContext.Provider>');
  return s;
}
