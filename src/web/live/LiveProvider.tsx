import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ActivityEvent } from '../api/types';
import { keys } from '../api/keys';
import { invalidateForTopic } from './invalidate';
import { prependActivity } from './activity';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

const LiveContext = createContext<LiveStatus>('offline');
export const useLiveStatus = (): LiveStatus => useContext(LiveContext);

const MAX_BACKOFF_MS = 30_000;

/**
 * Holds the one EventSource of the signed-in user. Live `domain` events go to the activity feed
 * and invalidate the lists they change. EventSource retries by itself (sending Last-Event-ID);
 * when the browser gives up (CLOSED) we reopen it with backoff, resuming after the last id seen.
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(enabled ? 'connecting' : 'offline');
  const lastId = useRef<string | null>(null);

  useEffect(() => {
    if (!enabled) {
      setStatus('offline');
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;

    const open = () => {
      if (stopped) return;
      clearTimeout(timer);
      source?.close();
      const url = lastId.current ? `/api/events?lastEventId=${encodeURIComponent(lastId.current)}` : '/api/events';
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      es.addEventListener('ready', () => {
        attempts = 0;
        setStatus('live');
      });
      es.addEventListener('domain', (msg) => {
        const event = JSON.parse((msg as MessageEvent<string>).data) as ActivityEvent;
        if (msg.lastEventId) lastId.current = msg.lastEventId;
        prependActivity(qc, event);
        invalidateForTopic(qc, event.topic);
      });
      es.onerror = () => {
        if (es.readyState === EventSource.CLOSED) {
          setStatus('offline');
          // the session may have ended: re-check who we are, which sends us to sign-in if so
          void qc.invalidateQueries({ queryKey: keys.me });
          const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts++);
          timer = setTimeout(open, delay);
        } else {
          setStatus('reconnecting');
        }
      };
    };

    const goOffline = () => setStatus('offline');
    const goOnline = () => {
      setStatus('reconnecting');
      attempts = 0;
      open();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, [enabled, qc]);

  return <LiveContext.Provider value={status}>{children}</LiveContext.Provider>;
}
