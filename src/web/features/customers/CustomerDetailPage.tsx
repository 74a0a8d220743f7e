import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { UserDto } from '../../api/types';
import { useCan } from '../../auth/me';
import { QueryState } from '../../ui/QueryState';
import { LoadMore } from '../../ui/LoadMore';
import { useUsers } from '../users/api';
import { UsersTable } from '../users/UsersTable';
import { CreateUserModal } from '../users/CreateUserModal';
import { EditUserModal } from '../users/EditUserModal';
import { ResetPasswordModal } from '../users/ResetPasswordModal';
import { UserTokensModal } from '../users/UserTokensModal';
import { useCustomer } from './api';
import { CustomerModal } from './CustomerModal';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {value ?? '—'}
      </Text>
    </div>
  );
}

/** One customer: its details, and its users with a shortcut to add one. */
export function CustomerDetailPage({ customerId }: { customerId: string }) {
  const can = useCan();
  const customer = useCustomer(customerId);
  const users = useUsers({ customerId }, can('users.read'));
  const [editing, setEditing] = useState(false);
  const [addingUser, setAddingUser] = useState(false);
  const [editingUser, setEditingUser] = useState<UserDto | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [tokensOf, setTokensOf] = useState<UserDto | null>(null);
  const c = customer.data;
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Anchor component={Link} to="/customers" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} /> All customers
        </Group>
      </Anchor>
      <QueryState pending={customer.isPending} error={customer.error}>
        {c && (
          <>
            <Card withBorder radius="lg" padding="lg" data-testid="customer-detail">
              <Group justify="space-between" mb="md">
                <Group gap="sm">
                  <Title order={2}>{c.name}</Title>
                  <Badge variant="outline" color="gray">
                    {c.code}
                  </Badge>
                  <Badge color={c.active ? 'teal' : 'gray'}>{c.active ? 'Active' : 'Inactive'}</Badge>
                </Group>
                {can('customers.manage') && (
                  <Button variant="light" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Field label="Email" value={c.email} />
                <Field label="Phone" value={c.phone} />
                <Field label="Address" value={c.address} />
              </SimpleGrid>
            </Card>
            <Card withBorder radius="lg" padding="lg">
              <Group justify="space-between" mb="md">
                <Title order={3}>Users</Title>
                {can('users.manage') && (
                  <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAddingUser(true)} disabled={!c.active} data-testid="new-customer-user">
                    New customer user
                  </Button>
                )}
              </Group>
              {!can('users.read') ? (
                <Text c="dimmed" size="sm">
                  {c.userCount} users. You may not see user details.
                </Text>
              ) : (
                <QueryState pending={users.isPending} error={users.error}>
                  {rows.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      No users for this customer yet.
                    </Text>
                  ) : (
                    <UsersTable users={rows} canManage={can('users.manage')} onEdit={setEditingUser} onResetPassword={setResetting} onTokens={setTokensOf} />
                  )}
                  <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()} />
                </QueryState>
              )}
            </Card>
            <CustomerModal opened={editing} customer={c} onClose={() => setEditing(false)} />
            {can('users.manage') && (
              <>
                <CreateUserModal opened={addingUser} onClose={() => setAddingUser(false)} preset={{ roles: ['customer'], customerId: c.id }} />
                <EditUserModal user={editingUser} onClose={() => setEditingUser(null)} />
                <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
                <UserTokensModal user={tokensOf} onClose={() => setTokensOf(null)} />
              </>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
