import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { Me } from '../api/types';
import { ROLE_LABELS } from '../../contracts/permissions';
import { useLogout } from '../auth/session';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

export function UserMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const roles = me.user.roles.map((r) => ROLE_LABELS[r]).join(', ');
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) });
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label="Account menu" py={4}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl">
              {initials(me.user.displayName)}
            </Avatar>
            <Stack gap={0} visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
                {me.user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="user-role">
                {roles}
              </Text>
            </Stack>
            <IconChevronDown size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.username}</Menu.Label>
        {me.permissions.includes('self.use') && (
          <Menu.Item leftSection={<IconUserCircle size={18} />} onClick={() => void navigate({ to: '/account' })}>
            My account
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={18} />} color="red" onClick={signOut} data-testid="logout">
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
