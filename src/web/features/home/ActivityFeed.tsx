import { Badge, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { activityQuery } from '../../live/activity';
import { QueryState } from '../../ui/QueryState';
import { formatFeedTime } from '../../ui/format';

/** Recent events, newest first: loaded once, then kept current by the live stream. */
export function ActivityFeed() {
  const feed = useQuery(activityQuery);
  const items = feed.data?.items ?? [];
  return (
    <Card withBorder radius="lg" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Activity</Title>
        <Text size="xs" c="dimmed">
          Newest first · updates live
        </Text>
      </Group>
      <QueryState pending={feed.isPending} error={feed.error}>
        {items.length === 0 ? (
          <Text c="dimmed" py="md" data-testid="activity-empty">
            Nothing has happened yet.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={560}>
            <Stack gap={0} data-testid="activity-feed" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((e) => (
                <Group
                  key={e.id}
                  component="li"
                  gap="md"
                  py="sm"
                  wrap="nowrap"
                  align="flex-start"
                  data-testid="activity-item"
                  data-topic={e.topic}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                    <time dateTime={e.occurredAt}>{formatFeedTime(e.occurredAt)}</time>
                  </Text>
                  <Text size="sm" style={{ flex: 1 }}>
                    {e.summary}
                  </Text>
                  <Badge variant="light" color="gray" tt="none" fw={500} visibleFrom="xs" style={{ flexShrink: 0 }}>
                    {e.topic}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </QueryState>
    </Card>
  );
}
