import { useState } from 'react';
import { Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import type { Role, UserDto } from '../../api/types';
import { useCan } from '../../auth/me';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { LoadMore } from '../../ui/LoadMore';
import { useUsers } from './api';
import { ROLE_OPTIONS } from './roles';
import { UsersTable } from './UsersTable';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserTokensModal } from './UserTokensModal';

export function UsersPage() {
  const can = useCan();
  const canManage = can('users.manage');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [role, setRole] = useState<Role | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [tokensOf, setTokensOf] = useState<UserDto | null>(null);

  const users = useUsers({ q: q || undefined, role: role ?? undefined });
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Users"
        description="People who sign in to Shopfloor, their roles and where they work."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-user">
              New user
            </Button>
          )
        }
      />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md" gap="sm" wrap="wrap">
          <TextInput
            placeholder="Search name, username or email"
            aria-label="Search users"
            leftSection={<IconSearch size={18} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            data-testid="users-search"
          />
          <Select
            placeholder="All roles"
            aria-label="Filter by role"
            clearable
            data={ROLE_OPTIONS}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            w={220}
          />
        </Group>
        <QueryState pending={users.isPending} error={users.error}>
          {rows.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              No users match.
            </Text>
          ) : (
            <UsersTable users={rows} canManage={canManage} onEdit={setEditing} onResetPassword={setResetting} onTokens={setTokensOf} />
          )}
          <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()} />
        </QueryState>
      </Card>
      {canManage && (
        <>
          <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
          <EditUserModal user={editing} onClose={() => setEditing(null)} />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
          <UserTokensModal user={tokensOf} onClose={() => setTokensOf(null)} />
        </>
      )}
    </>
  );
}
