import { Badge, Text } from '@mantine/core';
import { expiryState } from './expiry';

/** An expiry date, in red once past and orange within the warning window. */
export function ExpiryBadge({ date }: { date: string | null }) {
  const state = expiryState(date);
  if (state === 'none') return <Text size="sm">—</Text>;
  if (state === 'ok') return <Text size="sm">{date}</Text>;
  return (
    <Badge color={state === 'expired' ? 'red' : 'orange'} variant="light" data-testid="expiry-badge" data-state={state}>
      {date} · {state === 'expired' ? 'expired' : 'expires soon'}
    </Badge>
  );
}
