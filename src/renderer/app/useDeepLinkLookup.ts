import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { lookupRoute } from '../../shared/deeplink/parseDeepLink.js';
import { useServices } from './useServices.js';

/** `callsign://lookup?phone=…` links (validated by main) open the lookup route. */
export function useDeepLinkLookup(): void {
  const { api } = useServices();
  const navigate = useNavigate();
  useEffect(
    () =>
      api.on('deeplink.lookup', (link) => {
        if (link.phone) void navigate(lookupRoute({ kind: 'lookup', phone: link.phone }));
        else if (link.email) void navigate(lookupRoute({ kind: 'lookup', email: link.email }));
      }),
    [api, navigate],
  );
}
