import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Menu, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlus, IconRuler2, IconSearch, IconTags, IconUpload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../auth/me';
import type { ItemDto } from '../../api/types';
import { DataTable } from '../../ui/DataTable';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useItemPages } from './api';
import { attributeSummary, KIND_LABELS, KIND_OPTIONS } from './labels';
import { CreateItemModal } from './CreateItemModal';
import { ImportModal } from './ImportModal';
import { UnitsModal } from './UnitsModal';
import { AttributeLibraryModal } from './AttributeLibraryModal';

/** The catalog: every item with its attributes; those who manage it add items and import files. */
export function CatalogPage() {
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [kind, setKind] = useState<ItemDto['kind'] | null>(null);
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [showingUnits, setShowingUnits] = useState(false);
  const [showingLibrary, setShowingLibrary] = useState(false);
  const pages = useItemPages({ q: q || undefined, kind: kind ?? undefined, active: !archived });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const manage = can('catalog.manage');

  return (
    <>
      <PageHeader
        title="Catalog"
        description="Items and their attributes. Stock is held in variants: one per combination of attribute values."
        actions={
          <>
            <Button variant="default" leftSection={<IconTags size={18} />} onClick={() => setShowingLibrary(true)} data-testid="catalog-attributes">
              Attributes
            </Button>
            <Button variant="default" leftSection={<IconRuler2 size={18} />} onClick={() => setShowingUnits(true)} data-testid="catalog-units">
              Units
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={18} />} data-testid="catalog-export">
                  Export
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href="/api/items/export" download data-testid="export-items">
                  Items (CSV)
                </Menu.Item>
                <Menu.Item component="a" href="/api/variants/export" download data-testid="export-variants">
                  Variants (CSV)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {manage && (
              <>
                <Button variant="light" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)} data-testid="catalog-import">
                  Import
                </Button>
                <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-item">
                  New item
                </Button>
              </>
            )}
          </>
        }
      />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md">
          <TextInput
            placeholder="Search code or name"
            aria-label="Search items"
            leftSection={<IconSearch size={18} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
          <Select
            aria-label="Kind"
            placeholder="Every kind"
            clearable
            data={KIND_OPTIONS}
            value={kind}
            onChange={(v) => setKind(v as ItemDto['kind'] | null)}
            w={180}
            data-testid="catalog-kind"
          />
          <SegmentedControl
            value={archived ? 'archived' : 'active'}
            onChange={(v) => setArchived(v === 'archived')}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'archived', label: 'Archived' },
            ]}
            data-testid="catalog-archived"
          />
        </Group>
        <QueryState pending={pages.isPending} error={pages.error}>
          <DataTable testId="catalog-table" minWidth={820} count={rows.length} empty={archived ? 'No archived items match.' : 'No items match.'}
            columns={['Code', 'Name', 'Kind', 'Unit', 'Category', 'Attributes', { label: 'Low stock below', align: 'right' }]}>
            {rows.map((i) => (
              <Table.Tr key={i.id} data-testid="catalog-row" data-code={i.code}>
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  <Anchor renderRoot={(props) => <Link to="/catalog/items/$itemId" params={{ itemId: i.id }} {...props} />} data-testid="open-item">
                    {i.code}
                  </Anchor>
                  {!i.active && (
                    <Badge ml="xs" size="xs" color="orange" variant="light">
                      Archived
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{KIND_LABELS[i.kind]}</Table.Td>
                <Table.Td>{i.uom}</Table.Td>
                <Table.Td>{i.category ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {attributeSummary(i) || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{i.lowStockThreshold ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <LoadMore hasMore={pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
        </QueryState>
      </Card>
      {manage && <CreateItemModal opened={creating} onClose={() => setCreating(false)} />}
      {manage && <ImportModal opened={importing} onClose={() => setImporting(false)} />}
      <UnitsModal opened={showingUnits} onClose={() => setShowingUnits(false)} />
      <AttributeLibraryModal opened={showingLibrary} onClose={() => setShowingLibrary(false)} />
    </>
  );
}
