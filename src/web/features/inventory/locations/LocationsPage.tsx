import { useState } from 'react';
import { DataTable } from '../../../ui/DataTable';
import { Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import { IconCornerDownRight, IconPencil, IconPlus } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useLocations } from '../api/places';
import { InventoryTabs } from '../InventoryTabs';
import { LOCATION_KIND_COLORS } from '../options';
import { treeOrder } from './tree';
import { LocationModal, type LocationEdit } from './LocationModal';

/** Locations as an indented tree, each with its kind; those who manage inventory add and rename them. */
export function LocationsPage() {
  const can = useCan();
  const manage = can('inventory.manage');
  const locations = useLocations();
  const rows = treeOrder(locations.data ?? []);
  const [editing, setEditing] = useState<LocationEdit | null>(null);
  return (
    <>
      <PageHeader
        title="Inventory"
        description="Where stock can be: warehouses with their zones and slots, production, transit, suppliers, customers, scrap."
        actions={manage && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ mode: 'new', parent: null })} data-testid="new-location">
            New location
          </Button>
        )}
      />
      <InventoryTabs />
      <Card withBorder radius="lg" padding="md">
        <QueryState pending={locations.isPending} error={locations.error}>
          <DataTable testId="locations-table" minWidth={820} count={rows.length} empty="No locations yet."
            columns={['Location', 'Kind', 'Path', 'Status', ...(manage ? [''] : [])]}>
                  {rows.map(({ location: l, depth }) => {
                    return (
                      <Table.Tr key={l.id} data-testid="location-row" data-code={l.code} data-depth={depth}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap" pl={depth * 28}>
                            {depth > 0 && <IconCornerDownRight size={16} color="var(--mantine-color-gray-5)" />}
                            <div>
                              <Text size="sm" fw={600}>
                                {l.code}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {l.name}
                              </Text>
                            </div>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={LOCATION_KIND_COLORS[l.kind] ?? 'gray'} data-testid="location-kind">
                            {l.kind}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed" ff="monospace">
                            {l.path}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {!l.active && <Badge color="gray">Inactive</Badge>}
                            {l.allowNegative && (
                              <Badge color="yellow" variant="outline">
                                Negative allowed
                              </Badge>
                            )}
                            {l.active && !l.allowNegative && (
                              <Text size="sm" c="dimmed">
                                Active
                              </Text>
                            )}
                          </Group>
                        </Table.Td>
                        {manage && (
                          <Table.Td ta="right">
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              {/* nothing sits inside a slot */}
                              {l.kind !== 'slot' && (
                                <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ mode: 'new', parent: l })} data-testid="add-inside">
                                  Add inside
                                </Button>
                              )}
                              <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing({ mode: 'rename', location: l })} data-testid="rename-location">
                                Rename
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
          </DataTable>
        </QueryState>
      </Card>
      {manage && <LocationModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
