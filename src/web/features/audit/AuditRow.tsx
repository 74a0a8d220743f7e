import { ActionIcon, Badge, Box, Code, Collapse, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { AuditEventDto } from '../../api/types';
import { formatTimestamp } from '../../ui/format';
import { JsonDiff } from './JsonDiff';

interface Props {
  event: AuditEventDto;
  expanded: boolean;
  onToggle: () => void;
}

export function AuditRow({ event: e, expanded, onToggle }: Props) {
  return (
    <>
      <Table.Tr onClick={onToggle} style={{ cursor: 'pointer' }} data-testid="audit-row" data-command={e.command}>
        <Table.Td w={48}>
          <ActionIcon size="lg" aria-label={expanded ? 'Hide changes' : 'Show changes'} aria-expanded={expanded}>
            {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatTimestamp(e.occurredAt)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{e.actorLabel}</Text>
        </Table.Td>
        <Table.Td>
          <Code>{e.command}</Code>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color="gray" mr={6}>
            {e.entityType}
          </Badge>
          <Text span size="xs" c="dimmed" ff="monospace" title={e.entityId}>
            …{e.entityId.slice(-8)}
          </Text>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={{ display: expanded ? undefined : 'none' }}>
        <Table.Td colSpan={5} p={0}>
          <Collapse expanded={expanded}>
            <Box p="md" bg="gray.0">
              <JsonDiff before={e.before} after={e.after} />
              <Text size="xs" c="dimmed" mt="xs" ff="monospace">
                entity {e.entityId}
                {e.requestId ? ` · request ${e.requestId}` : ''}
              </Text>
            </Box>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
