import { Badge, Table, Text, Title } from '@mantine/core';
import type { StockDocumentDto } from '../../../api/types';
import { formatDateTime } from '../../../ui/format';
import { useGradeLabel } from '../api/grades';
import { formatDecimal, isZero } from '../decimal';

/** Where a shipped transfer's lines are going through which transit location, and what arrived. */
export function TransitLines({ doc }: { doc: StockDocumentDto }) {
  const gradeLabel = useGradeLabel();
  const t = doc.transit!;
  return (
    <>
      <Title order={5}>
        Via {t.viaLocationCode}
        {t.receivedAt && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}· received {formatDateTime(t.receivedAt)}
          </Text>
        )}
      </Title>
      <Table.ScrollContainer minWidth={680}>
        <Table data-testid="transit-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Item</Table.Th>
              <Table.Th>From → to</Table.Th>
              <Table.Th ta="right">Shipped</Table.Th>
              <Table.Th ta="right">Received</Table.Th>
              <Table.Th>Shortfall</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {t.lines.map((l) => (
              <Table.Tr key={l.line} data-testid="transit-line" data-line={l.line}>
                <Table.Td>{l.line}</Table.Td>
                <Table.Td>
                  {l.variantCode}
                  {l.lotCode && <Text size="xs" c="dimmed">lot {l.lotCode}</Text>}
                </Table.Td>
                <Table.Td>
                  {l.fromLocationCode} → {l.toLocationCode}
                  {l.toGrade !== l.grade && <Text size="xs" c="dimmed">as {gradeLabel(l.toGrade)}</Text>}
                </Table.Td>
                <Table.Td ta="right">{formatDecimal(l.qty)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(l.receivedQty)}</Table.Td>
                <Table.Td data-testid="transit-shortfall">
                  {l.shortfallQty === null || isZero(l.shortfallQty) ? (
                    '—'
                  ) : (
                    <Badge variant="light" color={l.shortfallGrade ? 'red' : 'yellow'}>
                      {formatDecimal(l.shortfallQty)} {l.shortfallGrade ? gradeLabel(l.shortfallGrade) : 'still in transit'}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
