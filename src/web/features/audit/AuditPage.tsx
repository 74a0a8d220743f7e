import { useState } from 'react';
import { Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { AuditEventDto, Page } from '../../api/types';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { LoadMore } from '../../ui/LoadMore';
import { AuditRow } from './AuditRow';

const ENTITY_TYPES = [
  { value: 'user', label: 'Users' },
  { value: 'department', label: 'Departments' },
  { value: 'team', label: 'Teams' },
  { value: 'customer', label: 'Customers' },
  { value: 'api_token', label: 'API tokens' },
];

/** Every recorded change, newest first; a row opens to show what changed. */
export function AuditPage() {
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityIdInput, setEntityIdInput] = useState('');
  const [entityId] = useDebouncedValue(entityIdInput.trim(), 300);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const filter = { entityType: entityType ?? undefined, entityId: entityId || undefined };

  const audit = useInfiniteQuery({
    queryKey: keys.audit.list(filter),
    queryFn: ({ pageParam, signal }) => api.get<Page<AuditEventDto>>('/api/audit', { limit: 50, cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when. Entries are chained and cannot be edited." />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md" gap="sm" wrap="wrap">
          <Select placeholder="All entities" aria-label="Entity type" clearable data={ENTITY_TYPES} value={entityType} onChange={setEntityType} w={220} />
          <TextInput
            placeholder="Entity id"
            aria-label="Entity id"
            value={entityIdInput}
            onChange={(e) => setEntityIdInput(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
        </Group>
        <QueryState pending={audit.isPending} error={audit.error}>
          {rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              No entries.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Command</Table.Th>
                    <Table.Th>Entity</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((e) => (
                    <AuditRow key={e.id} event={e} expanded={expanded.has(e.id)} onToggle={() => toggle(e.id)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMore hasMore={audit.hasNextPage} loading={audit.isFetchingNextPage} onLoad={() => void audit.fetchNextPage()} />
        </QueryState>
      </Card>
    </>
  );
}
