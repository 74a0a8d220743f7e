/** Query keys of the plant's inbox of customer requests (refreshed by `stamping.request-*` events). */
export const requestKeys = {
  all: ['stamping', 'requests'] as const,
  inbox: ['stamping', 'requests', 'inbox'] as const,
};
