import { useState } from 'react';
import { Badge, Button, Drawer, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconTruckDelivery, IconTruckReturn } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { QueryState } from '../../../ui/QueryState';
import { formatDateTime } from '../../../ui/format';
import { useSticky } from '../../../ui/use-sticky';
import { useDocument } from '../api/stock';
import { DOCUMENT_COLORS, DOCUMENT_LABELS, DOCUMENT_STATUS } from '../options';
import { FigureCells, KeyCells } from './EntryCells';
import { CancelDocumentModal } from './CancelDocumentModal';
import { ReceiveTransferModal } from './ReceiveTransferModal';
import { ReturnModal } from './ReturnModal';
import { TransitLines } from './TransitLines';

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

/** Documents that can be returned: receipts (to the supplier) and issues (into stock). */
const RETURNABLE = ['receipt', 'issue'];

/** One stock document with all its entries; it can be cancelled by those allowed to adjust. */
export function DocumentDrawer({ documentId, onClose }: { documentId: string | null; onClose: () => void }) {
  const can = useCan();
  const shownId = useSticky(documentId);
  const doc = useDocument(shownId);
  const [cancelling, setCancelling] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const [returning, setReturning] = useState(false);
  const d = doc.data;
  const status = d ? DOCUMENT_STATUS[d.status] ?? { label: d.status, color: 'gray' } : null;

  return (
    <Drawer opened={documentId !== null} onClose={onClose} position="right" size="xl" title={d ? `Document ${d.number}` : 'Document'} data-testid="document-drawer">
      <QueryState pending={doc.isPending} error={doc.error}>
        {d && (
          <Stack>
            <Group justify="space-between">
              <Group gap="sm">
                <Badge color={DOCUMENT_COLORS[d.type] ?? 'gray'}>{DOCUMENT_LABELS[d.type] ?? d.type}</Badge>
                <Badge color={status!.color} variant="light" data-testid="document-status" data-status={d.status}>
                  {status!.label}
                </Badge>
              </Group>
              <Group gap="sm">
                {can('inventory.post') && d.status === 'in_transit' && (
                  <Button leftSection={<IconTruckDelivery size={18} />} onClick={() => setReceiving(true)} data-testid="receive-document">
                    Receive
                  </Button>
                )}
                {can('inventory.post') && d.status === 'posted' && RETURNABLE.includes(d.type) && (
                  <Button variant="light" leftSection={<IconTruckReturn size={18} />} onClick={() => setReturning(true)} data-testid="return-document">
                    Return…
                  </Button>
                )}
                {can('inventory.adjust') && (d.status === 'posted' || d.status === 'in_transit') && (
                  <Button color="red" variant="light" leftSection={<IconArrowBackUp size={18} />} onClick={() => setCancelling(true)} data-testid="cancel-document">
                    Cancel document
                  </Button>
                )}
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <Field label="Posted at" value={formatDateTime(d.postedAt)} />
              <Field label="Reason" value={d.reason} />
              <Field label="Note" value={d.note} />
            </SimpleGrid>
            {d.returnOf && <Field label="Return of" value={`${DOCUMENT_LABELS[d.returnOf.type] ?? d.returnOf.type} ${d.returnOf.number}`} />}
            {d.returns.length > 0 && (
              <Group gap="xs" data-testid="document-returns">
                <Text size="sm" c="dimmed">Returns:</Text>
                {d.returns.map((r) => (
                  <Badge key={r.id} variant="light" color={r.status === 'cancelled' ? 'gray' : 'cyan'} td={r.status === 'cancelled' ? 'line-through' : undefined}>
                    {r.number}
                  </Badge>
                ))}
              </Group>
            )}
            {d.transit && <TransitLines doc={d} />}
            <Table.ScrollContainer minWidth={680}>
              <Table data-testid="document-entries">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Item</Table.Th>
                    <Table.Th>Location</Table.Th>
                    <Table.Th>Lot</Table.Th>
                    <Table.Th>Grade</Table.Th>
                    <Table.Th ta="right">Change</Table.Th>
                    <Table.Th>Before → after</Table.Th>
                    <Table.Th ta="right">Value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.entries.map((e) => (
                    <Table.Tr key={e.id} data-testid="document-entry">
                      <Table.Td fw={500}>{e.variantCode}</Table.Td>
                      <KeyCells entry={e} />
                      <FigureCells entry={e} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {d.entries.length === 0 && (
              <Text size="sm" c="dimmed">
                No entries: the count matched the books.
              </Text>
            )}
            <CancelDocumentModal doc={d} opened={cancelling} onClose={() => setCancelling(false)} />
            {RETURNABLE.includes(d.type) && <ReturnModal doc={d} opened={returning} onClose={() => setReturning(false)} />}
            {d.status === 'in_transit' && <ReceiveTransferModal doc={d} opened={receiving} onClose={() => setReceiving(false)} />}
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}
