import { overAuthorised } from '../../../../contracts/stamping-run';
import { Badge, Group, Table, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { formatChange, formatDecimal, isNegative, isZero } from '../../inventory/decimal';
import type { PoDto } from '../orders/api';
import type { VerifyLine } from './api';

/**
 * Against the original estimate: red when more was stamped than is authorised (verification
 * refuses it), violet when more than estimated but authorised by an increase, amber when less.
 */
function differenceColours(l: VerifyLine): { c?: string; bg?: string } {
  if (isZero(l.difference)) return {};
  if (isNegative(l.difference)) return { c: 'orange.8', bg: 'orange.0' };
  return overAuthorised(l) ? { c: 'red.7', bg: 'red.0' } : { c: 'violet.8', bg: 'violet.0' };
}

const FOUND_DAMAGED_HELP = 'Damaged on arrival, recorded at receiving. It is not production damage and does not count against this order\'s variance.';

/**
 * Per line the original estimate, what is authorised now (it differs once a line was increased)
 * and what was stamped, with the variant (mL, Nic) to check before approving.
 */
export function VerifyTable({ po, lines }: { po: PoDto; lines: VerifyLine[] }) {
  // variance: what the run lost (damaged + missing), which counts against the line
  const right = ['Estimate', 'Authorised', 'Actual', 'Difference', 'Damaged', 'Missing', 'Variance'];
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table horizontalSpacing="xs" data-testid="verify-table">
        <Table.Thead>
          <Table.Tr>
            {['Brand', 'Product / Flavour', 'mL', 'Nic (mg)', 'Region'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}
            {right.map((h) => <Table.Th key={h} ta="right">{h}</Table.Th>)}
            <Table.Th ta="right">
              <Tooltip label={FOUND_DAMAGED_HELP} multiline w={260} withArrow>
                <Group gap={4} justify="flex-end" wrap="nowrap" component="span" data-testid="found-damaged-help" style={{ cursor: 'help' }}>
                  Found damaged <IconInfoCircle size={14} />
                </Group>
              </Tooltip>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => {
            const line = po.lines.find((x) => x.id === l.poLineId);
            return (
              <Table.Tr key={l.poLineId} data-testid="verify-line" data-region={l.regionCode} data-difference={l.difference}>
                <Table.Td>{l.brand}</Table.Td>
                <Table.Td fw={600}>{l.flavour}</Table.Td>
                <Table.Td>{l.volumeMl}</Table.Td>
                <Table.Td>{l.strengthMg}</Table.Td>
                <Table.Td><Badge size="sm" variant="light" color={line?.regionColour ?? 'gray'}>{line?.regionName ?? l.regionCode}</Badge></Table.Td>
                <Table.Td ta="right" data-testid="verify-estimate">{formatDecimal(l.estimate)}</Table.Td>
                <Table.Td ta="right" c={l.authorised === l.estimate ? 'dimmed' : undefined} data-testid="verify-authorised">{formatDecimal(l.authorised)}</Table.Td>
                <Table.Td ta="right" fw={650} data-testid="verify-actual">{formatDecimal(l.actual)}</Table.Td>
                <Table.Td ta="right" fw={isZero(l.difference) ? undefined : 700} {...differenceColours(l)} data-testid="verify-difference">
                  {formatChange(l.difference)}
                </Table.Td>
                <Table.Td ta="right">{formatDecimal(l.damaged)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(l.missing)}</Table.Td>
                <Table.Td ta="right" fw={isZero(l.variance) ? undefined : 650} data-testid="verify-variance">{formatDecimal(l.variance)}</Table.Td>
                <Table.Td ta="right" c="dimmed" data-testid="verify-found-damaged">{formatDecimal(l.foundDamaged)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
