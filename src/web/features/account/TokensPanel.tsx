import { useState } from 'react';
import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { TokenDto } from '../../api/types';
import { QueryState } from '../../ui/QueryState';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useSticky } from '../../ui/use-sticky';
import { useRevokeToken, useTokens } from './api';
import { CreateTokenModal } from './CreateTokenModal';

function tokenState(t: TokenDto): { label: string; color: string } {
  if (t.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'teal' };
}

/**
 * API tokens: one's own (make and revoke them), or with `userId` another user's, for an
 * administrator who may see and revoke them but never make one in their name.
 */
export function TokensPanel({ userId = null }: { userId?: string | null }) {
  const own = userId === null;
  const tokens = useTokens(userId);
  const revoke = useRevokeToken(userId);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenDto | null>(null);
  const shownRevoking = useSticky(revoking);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (t) => {
        notifySuccess(`Token ${t.name} revoked.`);
        setRevoking(null);
      },
      onError: (e) => notifyError(e),
    });
  };

  return (
    <Card withBorder radius="lg" padding="lg">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={3}>API tokens</Title>
          <Text size="sm" c="dimmed">
            {own ? 'For scripts and machines that use the API on your behalf.' : 'Scripts and machines using the API in this user’s name.'}
          </Text>
        </div>
        {own && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-token">
            New token
          </Button>
        )}
      </Group>
      <QueryState pending={tokens.isPending} error={tokens.error}>
        {(tokens.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            No tokens yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Permissions</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(tokens.data ?? []).map((t) => {
                  const state = tokenState(t);
                  return (
                    <Table.Tr key={t.id} data-testid="token-row">
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t.name}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {t.prefix}…
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {t.scopes.map((s) => (
                            <Badge key={s} variant="light" size="sm">
                              {s}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(t.lastUsedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={state.color} variant="light">
                          {state.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        {!t.revokedAt && (
                          <Button size="sm" variant="subtle" color="red" onClick={() => setRevoking(t)} data-testid="revoke-token">
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {own && <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />}
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke token"
        confirmLabel="Revoke"
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        Revoke {shownRevoking?.name}? Anything using it stops working at once.
      </ConfirmModal>
    </Card>
  );
}
