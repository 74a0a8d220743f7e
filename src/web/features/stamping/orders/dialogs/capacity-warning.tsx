import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CapacityWarning, PoDto } from '../api';
import { shortDay } from '../days';

/** The planner's answers to a day over its cap (absent ones do not apply to this PO). */
export interface WarningChoices {
  reduce?: () => void;
  movePart?: () => void;
  autoSplit?: () => void;
}

/**
 * "Day capacity exceeded by N units" with the choices the workflow offers: reduce the PO, move
 * part of it to another day, auto-split it, or accept (the booking already stands). The toast
 * lives outside the app's providers, so the choices are plain callbacks.
 */
export function showCapacityWarnings(po: PoDto, warnings: CapacityWarning[], choices: WarningChoices): void {
  if (warnings.length === 0) return;
  const id = `capacity-${po.id}-${Date.now()}`;
  const pick = (fn?: () => void) => () => {
    notifications.hide(id);
    fn?.();
  };
  notifications.show({
    id,
    color: 'orange',
    autoClose: false,
    title: `${po.number}: over a day's capacity`,
    'data-testid': 'capacity-warning',
    message: (
      <Stack gap={6}>
        {warnings.map((w) => (
          <Text key={w.day} size="sm" data-testid="capacity-warning-message" data-day={w.day}>
            {w.message}
            <Text span size="xs" c="dimmed"> · {shortDay(w.day)}</Text>
          </Text>
        ))}
        <Group gap={6}>
          {choices.reduce && <Button size="compact-xs" variant="light" onClick={pick(choices.reduce)} data-testid="capacity-reduce">Reduce</Button>}
          {choices.movePart && <Button size="compact-xs" variant="light" onClick={pick(choices.movePart)} data-testid="capacity-move-part">Move part…</Button>}
          {choices.autoSplit && <Button size="compact-xs" variant="light" onClick={pick(choices.autoSplit)} data-testid="capacity-auto-split">Auto-split</Button>}
          <Button size="compact-xs" variant="subtle" color="gray" onClick={pick()} data-testid="capacity-accept">Accept</Button>
        </Group>
      </Stack>
    ),
  });
}
