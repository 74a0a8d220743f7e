import { Badge, Group, Text, Timeline } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCheck, IconMapPin, IconPlus, IconRecycle, IconTrash, IconTruckDelivery } from '@tabler/icons-react';
import type { SerialEventDto } from '../../../api/types';
import { formatDateTime } from '../../../ui/format';
import { serialStatus } from '../options';

const EVENTS: Record<string, { label: string; color: string; icon: typeof IconPlus }> = {
  created: { label: 'Registered', color: 'blue', icon: IconPlus },
  stage: { label: 'Stage', color: 'indigo', icon: IconArrowRight },
  move: { label: 'Moved', color: 'gray', icon: IconMapPin },
  'defect:rework': { label: 'Defect · sent to rework', color: 'orange', icon: IconRecycle },
  'defect:scrap': { label: 'Defect · scrapped', color: 'red', icon: IconTrash },
  qa_pass: { label: 'QA passed · in stock', color: 'teal', icon: IconCheck },
  deliver: { label: 'Delivered', color: 'grape', icon: IconTruckDelivery },
};

const statusLabel = (s: string | null) => (s ? serialStatus(s).label : null);

/** Everything that happened to one unit, oldest first. */
export function SerialHistory({ history }: { history: SerialEventDto[] }) {
  if (history.length === 0) return <Text c="dimmed">No history recorded.</Text>;
  return (
    <Timeline active={history.length - 1} bulletSize={28} lineWidth={2} data-testid="serial-history">
      {history.map((h) => {
        const meta = EVENTS[h.event] ?? { label: h.event, color: 'gray', icon: IconAlertTriangle };
        const from = statusLabel(h.fromStatus);
        const to = statusLabel(h.toStatus);
        return (
          <Timeline.Item key={h.id} bullet={<meta.icon size={16} />} color={meta.color} title={meta.label} data-testid="serial-event" data-event={h.event}>
            <Group gap={6} mt={4}>
              {h.stage && <Badge variant="light">{h.stage}</Badge>}
              {to && from !== to && (
                <Text size="sm">
                  {from ? `${from} → ` : ''}
                  {to}
                </Text>
              )}
              {h.locationCode && (
                <Text size="sm" c="dimmed">
                  at {h.locationCode}
                </Text>
              )}
              {h.iteration > 0 && (
                <Badge variant="outline" color="orange" size="sm">
                  iteration {h.iteration}
                </Badge>
              )}
            </Group>
            {h.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {h.note}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {formatDateTime(h.at)}
              {h.actorLabel ? ` · ${h.actorLabel}` : ''}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
