import { Card, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { RoleMatrix } from '../../api/types';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';

/** The permission matrix, as the server enforces it: permissions down, roles across. */
export function RolesPage() {
  const matrix = useQuery({ queryKey: keys.roles, queryFn: ({ signal }) => api.get<RoleMatrix>('/api/roles', undefined, signal), staleTime: Infinity });
  const roles = matrix.data?.roles ?? [];
  return (
    <>
      <PageHeader title="Roles & permissions" description="What each role may do. A user holds every permission of each of their roles." />
      <Card withBorder radius="lg" padding="md">
        <QueryState pending={matrix.isPending} error={matrix.error}>
          <Table.ScrollContainer minWidth={820}>
            <Table withColumnBorders striped data-testid="roles-matrix">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Permission</Table.Th>
                  {roles.map((r) => (
                    <Table.Th key={r.id} ta="center">
                      {r.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(matrix.data?.permissions ?? []).map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {p.label}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {p.id}
                      </Text>
                    </Table.Td>
                    {roles.map((r) => (
                      <Table.Td key={r.id} ta="center">
                        {p.roles.includes(r.id) ? (
                          <Tooltip label={`${r.label}: ${p.label}`}>
                            <ThemeIcon color="teal" variant="light" radius="xl" size="md" aria-label="granted">
                              <IconCheck size={16} />
                            </ThemeIcon>
                          </Tooltip>
                        ) : (
                          <Text c="gray.4" aria-label="not granted">
                            –
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </QueryState>
      </Card>
    </>
  );
}
