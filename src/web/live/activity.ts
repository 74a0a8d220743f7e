import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { ActivityEvent, Items } from '../api/types';

export const FEED_SIZE = 50;

export const activityQuery = queryOptions({
  queryKey: keys.activity,
  queryFn: ({ signal }) => api.get<Items<ActivityEvent>>('/api/activity', { limit: FEED_SIZE }, signal),
  staleTime: Infinity, // kept current by the live stream
});

/** Puts a live event at the top of the cached feed (once: a resumed stream may replay it). */
export function prependActivity(qc: QueryClient, event: ActivityEvent): void {
  qc.setQueryData(keys.activity, (old: Items<ActivityEvent> | undefined) => {
    if (!old) return old;
    if (old.items.some((e) => e.id === event.id)) return old;
    return { items: [event, ...old.items].slice(0, FEED_SIZE * 2) };
  });
}
