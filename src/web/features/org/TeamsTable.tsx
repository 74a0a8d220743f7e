import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { TeamDto } from '../../api/types';

interface Props {
  teams: TeamDto[];
  leadName: (id: string | null) => string | null;
  canManage: boolean;
  onEdit: (t: TeamDto) => void;
  onDelete: (t: TeamDto) => void;
}

export function TeamsTable({ teams, leadName, canManage, onEdit, onDelete }: Props) {
  if (teams.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xs">
        No teams yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Lead</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th>Status</Table.Th>
            {canManage && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => (
            <Table.Tr key={t.id} data-testid="team-row" data-code={t.code}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{leadName(t.leadUserId) ?? '—'}</Text>
              </Table.Td>
              <Table.Td>{t.memberCount}</Table.Td>
              <Table.Td>
                <Badge color={t.active ? 'teal' : 'gray'} variant="light">
                  {t.active ? 'Active' : 'Inactive'}
                </Badge>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Edit team">
                      <ActionIcon aria-label={`Edit team ${t.code}`} onClick={() => onEdit(t)}>
                        <IconPencil size={20} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t.memberCount > 0 ? 'Move its members first' : 'Delete team'}>
                      <ActionIcon aria-label={`Delete team ${t.code}`} color="red" disabled={t.memberCount > 0} onClick={() => onDelete(t)}>
                        <IconTrash size={20} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
