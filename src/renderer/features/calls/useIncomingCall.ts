import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CallView } from '../../../shared/api/cti.js';
import { useServices } from '../../app/useServices.js';
import { useSettings } from '../settings/useSettings.js';
import { siteRoute } from '../site/siteRoutes.js';
import { callKeys } from './queries.js';

/** How long the pop-up stays after the call ended. */
const AFTER_HANGUP_MS = 5000;

export function callSiteRoute(call: CallView): string | undefined {
  const { siteId, profileId } = call.identification;
  return siteId ? siteRoute(siteId, profileId ? { tab: 'people', person: profileId } : {}) : undefined;
}

/**
 * The call popping up on this desktop: the latest `cti.call` pushed by main, until dismissed or a few
 * seconds after it ended. Every push refreshes the call log. With the `autoOpenCallSite` setting an
 * identified new call opens its site at once.
 */
export function useIncomingCall() {
  const { api } = useServices();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const autoOpen = useSettings().data?.autoOpenCallSite ?? false;
  const autoOpenRef = useRef(autoOpen);
  autoOpenRef.current = autoOpen;
  const [call, setCall] = useState<CallView | undefined>();

  useEffect(
    () =>
      api.on('cti.call', (push) => {
        void qc.invalidateQueries({ queryKey: callKeys.all });
        setCall((shown) => (push.event === 'newCall' || !shown || shown.id === push.call.id ? push.call : shown));
        const route = callSiteRoute(push.call);
        if (push.event === 'newCall' && autoOpenRef.current && route) void navigate(route);
      }),
    [api, qc, navigate],
  );

  useEffect(() => {
    if (!call?.endedAt) return;
    const id = setTimeout(() => setCall((c) => (c?.id === call.id ? undefined : c)), AFTER_HANGUP_MS);
    return () => clearTimeout(id);
  }, [call]);

  const dismiss = useCallback(() => setCall(undefined), []);
  return { call, dismiss };
}
