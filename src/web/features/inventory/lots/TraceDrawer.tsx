import { Badge, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import type { TraceRowDto } from '../../../api/types';
import { QueryState } from '../../../ui/QueryState';
import { formatDateTime } from '../../../ui/format';
import { useSticky } from '../../../ui/use-sticky';
import { useLotTrace } from '../api/stock';
import { formatChange, formatDecimal } from '../decimal';
import { DOCUMENT_COLORS, DOCUMENT_LABELS } from '../options';

function TraceTable({ rows, testId, forward }: { rows: TraceRowDto[]; testId: string; forward: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>Document</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th>Lot</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th>{forward ? 'Where / why' : 'Why'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={`${r.documentId}-${r.lotId}-${r.variantCode}-${i}`} data-testid="trace-row" data-document={r.documentNumber} data-type={r.documentType}>
              <Table.Td>{r.depth}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={DOCUMENT_COLORS[r.documentType] ?? 'gray'} mr={6}>
                  {DOCUMENT_LABELS[r.documentType] ?? r.documentType}
                </Badge>
                {r.documentNumber}
                <Text size="xs" c="dimmed">{formatDateTime(r.postedAt)}</Text>
              </Table.Td>
              <Table.Td>{r.variantCode}</Table.Td>
              <Table.Td>{r.lotCode ?? '—'}</Table.Td>
              <Table.Td ta="right">{r.documentType === 'return' ? formatChange(r.qty) : formatDecimal(r.qty)}</Table.Td>
              <Table.Td>{[r.locationCode, r.reason].filter(Boolean).join(' · ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A lot's trace, both ways: what went into it, step by step down to the receipts, and what it went
 * into — each lot made from it and where each left stock (issued, shipped to a customer, or back
 * by a return): the list a recall starts from.
 */
export function TraceDrawer({ lot, onClose }: { lot: { id: string; code: string } | null; onClose: () => void }) {
  const shown = useSticky(lot);
  const trace = useLotTrace(shown?.id ?? null);
  const t = trace.data;
  return (
    <Drawer opened={lot !== null} onClose={onClose} position="right" size="xl" title={`Trace of lot ${shown?.code ?? ''}`} data-testid="trace-drawer">
      <QueryState pending={trace.isPending} error={trace.error}>
        {t && (
          <Stack>
            <Title order={5}>Made from</Title>
            {t.backward.length ? <TraceTable rows={t.backward} testId="trace-backward" forward={false} /> : <Text size="sm" c="dimmed">Neither produced nor received yet.</Text>}
            <Title order={5}>Went into</Title>
            {t.forward.length ? <TraceTable rows={t.forward} testId="trace-forward" forward /> : <Text size="sm" c="dimmed">Not consumed, issued or shipped yet.</Text>}
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}
