import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconDots, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import type { DepartmentDto, TeamDto } from '../../api/types';
import { TeamsTable } from './TeamsTable';

interface Props {
  department: DepartmentDto;
  teams: TeamDto[];
  leadName: (id: string | null) => string | null;
  canManage: boolean;
  onRename: () => void;
  onToggleActive: () => void;
  onDelete: () => void;
  onAddTeam: () => void;
  onEditTeam: (t: TeamDto) => void;
  onDeleteTeam: (t: TeamDto) => void;
}

export function DepartmentCard(p: Props) {
  const d = p.department;
  const inUse = d.teamCount > 0 || d.memberCount > 0;
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="department-card" data-code={d.code} opacity={d.active ? 1 : 0.75}>
      <Group justify="space-between" wrap="nowrap" mb="sm">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={4}>{d.name}</Title>
            <Badge variant="outline" color="gray">
              {d.code}
            </Badge>
            {!d.active && <Badge color="gray">Inactive</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {d.teamCount} {d.teamCount === 1 ? 'team' : 'teams'} · {d.memberCount} {d.memberCount === 1 ? 'member' : 'members'}
          </Text>
        </Stack>
        {p.canManage && (
          <Group gap="xs" wrap="nowrap">
            <Button variant="light" size="sm" leftSection={<IconPlus size={16} />} onClick={p.onAddTeam} disabled={!d.active}>
              Team
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon aria-label={`More actions for ${d.code}`}>
                  <IconDots size={20} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={p.onRename}>
                  Rename
                </Menu.Item>
                <Menu.Item leftSection={d.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />} onClick={p.onToggleActive}>
                  {d.active ? 'Deactivate' : 'Activate'}
                </Menu.Item>
                <Menu.Item leftSection={<IconTrash size={16} />} color="red" disabled={inUse} onClick={p.onDelete}>
                  {inUse ? 'Delete (empty it first)' : 'Delete'}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <TeamsTable teams={p.teams} leadName={p.leadName} canManage={p.canManage} onEdit={p.onEditTeam} onDelete={p.onDeleteTeam} />
    </Card>
  );
}
