import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { lookupRoute } from '../../shared/deeplink/parseDeepLink.js';
import { useServices } from './useServices.js';

/** `callsign://lookup?phone=…|email=…|text=…[&country=GB]` links (validated by main) open the lookup route. */
export function useDeepLinkLookup(): void {
  const { api } = useServices();
  const navigate = useNavigate();
  useEffect(
    () =>
      api.on('deeplink.lookup', (link) => {
        const hint = link.country ? { country: link.country } : {};
        if (link.phone) void navigate(lookupRoute({ kind: 'lookup', phone: link.phone, ...hint }));
        else if (link.email) void navigate(lookupRoute({ kind: 'lookup', email: link.email, ...hint }));
        else if (link.text) void navigate(lookupRoute({ kind: 'lookup', text: link.text, ...hint }));
      }),
    [api, navigate],
  );
}
