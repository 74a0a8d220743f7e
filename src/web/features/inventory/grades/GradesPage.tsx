import { useState } from 'react';
import { Badge, Button, Card, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import type { GradeDto } from '../../../api/types';
import { DataTable } from '../../../ui/DataTable';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useGrades } from '../api/grades';
import { InventoryTabs } from '../InventoryTabs';
import { GradeModal } from './GradeModal';

/** Quality grades of stock; those allowed to manage inventory add and rename them. */
export function GradesPage() {
  const can = useCan();
  const grades = useGrades();
  // null: closed; 'new': adding; a grade: renaming it
  const [editing, setEditing] = useState<GradeDto | 'new' | null>(null);
  const rows = grades.data ?? [];
  const manage = can('inventory.manage');

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Grades say what condition stock is in. Stock in a grade that is not usable never counts as available."
        actions={
          manage && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')} data-testid="new-grade">
              New grade
            </Button>
          )
        }
      />
      <InventoryTabs />
      <Card withBorder radius="lg" padding="md">
        <QueryState pending={grades.isPending} error={grades.error}>
          <DataTable testId="grades-table" minWidth={560} count={rows.length} empty="No grades." columns={['Grade', 'Code', 'Counts as available', ...(manage ? [''] : [])]}>
            {rows.map((g) => (
              <Table.Tr key={g.code} data-testid="grade-row" data-code={g.code}>
                <Table.Td fw={600}>{g.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c="dimmed">
                    {g.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={g.usable ? 'teal' : 'red'}>
                    {g.usable ? 'Usable' : 'Not usable'}
                  </Badge>
                </Table.Td>
                {manage && (
                  <Table.Td ta="right">
                    <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(g)} data-testid="rename-grade">
                      Rename
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        </QueryState>
      </Card>
      {manage && <GradeModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
