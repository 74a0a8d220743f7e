import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuildingWarehouse, IconPencil, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../auth/me';
import type { ItemDto } from '../../api/types';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { useItem, useVariants } from '../inventory/api/catalog';
import { EditItemModal } from './EditItemModal';
import { VariantModal } from './VariantModal';
import { ArchiveButton } from './ArchiveButton';
import { KIND_LABELS } from './labels';

/** One catalog item: what it is, the values its attributes take, and its variants. */
export function CatalogItemPage({ itemId }: { itemId: string }) {
  const can = useCan();
  const item = useItem(itemId);
  const [editing, setEditing] = useState(false);
  const [addingVariant, setAddingVariant] = useState(false);
  const i = item.data;
  const manage = can('catalog.manage');

  return (
    <Stack>
      <Anchor component={Link} to="/catalog" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} /> Catalog
        </Group>
      </Anchor>
      <QueryState pending={item.isPending} error={item.error}>
        {i && (
          <>
            <Group justify="space-between" align="flex-end" wrap="wrap" data-testid="catalog-item" data-code={i.code}>
              <Group gap="sm">
                <Title order={2}>{i.name}</Title>
                <Badge variant="outline" color="gray">
                  {i.code}
                </Badge>
                {!i.active && (
                  <Badge color="orange" variant="light" data-testid="item-archived">
                    Archived
                  </Badge>
                )}
              </Group>
              <Group gap="sm">
                {can('inventory.read') && i.kind !== 'service' && (
                  <Button
                    variant="default"
                    leftSection={<IconBuildingWarehouse size={18} />}
                    renderRoot={(props) => <Link to="/inventory/items/$itemId" params={{ itemId: i.id }} {...props} />}
                  >
                    Stock
                  </Button>
                )}
                {manage && (
                  <>
                    <ArchiveButton item={i} />
                    <Button variant="light" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)} data-testid="edit-item">
                      Edit
                    </Button>
                    <Button leftSection={<IconPlus size={18} />} onClick={() => setAddingVariant(true)} data-testid="add-variant">
                      Add variant
                    </Button>
                  </>
                )}
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <ItemFacts item={i} />
              <AttributesCard item={i} />
            </SimpleGrid>
            <VariantsCard itemId={i.id} />
            {manage && <EditItemModal item={i} opened={editing} onClose={() => setEditing(false)} />}
            {manage && <VariantModal item={i} opened={addingVariant} onClose={() => setAddingVariant(false)} />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function ItemFacts({ item }: { item: ItemDto }) {
  const facts: Array<[string, string]> = [
    ['Kind', KIND_LABELS[item.kind]],
    ['Unit', item.uom],
    ['Category', item.category ?? '—'],
    ['Low stock below', item.lowStockThreshold ?? '—'],
    ...(item.attributes.length > 1 ? [['Primary attribute', item.primaryAttribute ?? '—'] as [string, string]] : []),
  ];
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="item-facts">
      <Stack gap="xs">
        {facts.map(([label, value]) => (
          <Group key={label} justify="space-between">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={500} data-testid={`fact-${label.toLowerCase().replace(/\s+/g, '-')}`}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function AttributesCard({ item }: { item: ItemDto }) {
  // every stage, with the attributes that apply at it (a stage without a rule takes them all)
  const stageValues = item.attributes.find((a) => a.attribute === item.stageAttribute)?.values ?? [];
  const stages = stageValues.map((stage) => [stage, item.stageAttributes[stage] ?? ['every attribute']] as const);
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4} mb="sm">
        Attributes
      </Title>
      {item.attributes.length === 0 && (
        <Text size="sm" c="dimmed">
          None: the item has a single variant.
        </Text>
      )}
      <Stack gap="xs">
        {item.attributes.map((a) => (
          <Group key={a.attribute} gap="xs" align="flex-start" wrap="nowrap" data-testid="item-attribute" data-attribute={a.attribute}>
            <Text size="sm" fw={600} w={110}>
              {a.attribute}
              {(a.attribute === item.stageAttribute || a.attribute === item.primaryAttribute) && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({a.attribute === item.stageAttribute ? 'stage' : 'primary'})
                </Text>
              )}
            </Text>
            <Group gap={4}>
              {a.values.map((v) => (
                <Badge key={v} variant="light" color="gray" tt="none">
                  {v}
                </Badge>
              ))}
            </Group>
          </Group>
        ))}
        {stages.length > 0 && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="stage-rules">
            {stages.map(([stage, attrs]) => `At ${stage}: ${attrs.join(', ')}`).join(' · ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function VariantsCard({ itemId }: { itemId: string }) {
  const variants = useVariants(itemId);
  const rows = variants.data ?? [];
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4} mb="sm">
        Variants
      </Title>
      <QueryState pending={variants.isPending} error={variants.error}>
        <DataTable testId="variants-table" minWidth={560} count={rows.length} empty="No variants yet." emptyInline columns={['Code', 'Name', 'Stage', 'Attributes']}>
          {rows.map((v) => (
            <Table.Tr key={v.id} data-testid="variant-row" data-code={v.code}>
              <Table.Td fw={600}>{v.code}</Table.Td>
              <Table.Td>{v.name}</Table.Td>
              <Table.Td>{v.stage ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {Object.keys(v.attributes).sort().map((k) => `${k}=${v.attributes[k]}`).join('; ') || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
    </Card>
  );
}
