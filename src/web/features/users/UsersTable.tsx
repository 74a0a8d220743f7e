import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconApi, IconKey, IconPencil } from '@tabler/icons-react';
import type { UserDto } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { RoleBadges } from './RoleBadges';
import { useOrgNames } from './use-org-names';

interface Props {
  users: UserDto[];
  canManage: boolean;
  onEdit: (u: UserDto) => void;
  onResetPassword: (u: UserDto) => void;
  onTokens: (u: UserDto) => void;
}

export function UsersTable({ users, canManage, onEdit, onResetPassword, onTokens }: Props) {
  const org = useOrgNames();
  const placement = (u: UserDto) => {
    if (u.customerId) return org.name(u.customerId) ?? 'Customer';
    return [org.name(u.departmentId), org.name(u.teamId)].filter(Boolean).join(' · ') || '—';
  };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Username</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Department / team / customer</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            {canManage && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {u.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.displayName}</Text>
                {u.email && (
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={u.roles} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{placement(u)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={u.active ? 'teal' : 'gray'} variant={u.active ? 'light' : 'outline'}>
                  {u.active ? 'Active' : 'Inactive'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(u.lastLoginAt)}
                </Text>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Edit">
                      <ActionIcon aria-label={`Edit ${u.username}`} onClick={() => onEdit(u)} data-testid="edit-user">
                        <IconPencil size={20} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Reset password">
                      <ActionIcon aria-label={`Reset password of ${u.username}`} color="orange" onClick={() => onResetPassword(u)}>
                        <IconKey size={20} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="API tokens">
                      <ActionIcon aria-label={`API tokens of ${u.username}`} color="gray" variant="subtle" onClick={() => onTokens(u)} data-testid="user-tokens">
                        <IconApi size={20} />
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
