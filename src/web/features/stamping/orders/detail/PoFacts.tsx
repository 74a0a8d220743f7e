import type { ReactNode } from 'react';
import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDecimal } from '../../../inventory/decimal';
import type { PoDto } from '../api';
import { longDay } from '../days';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" data-testid={testId}>{children}</Text>
    </Stack>
  );
}

/** Who, from which shipment, when, and how much. */
export function PoFacts({ po }: { po: PoDto }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
      <Fact label="Consignee">{po.customerName} · {po.customerCode}</Fact>
      <Fact label="Shipment">
        <Anchor size="sm" renderRoot={(props) => <Link to="/stamping/shipments/$shipmentId" params={{ shipmentId: po.shipmentId }} {...props} />} data-testid="po-shipment-link">
          {po.shipmentNumber}
        </Anchor>
      </Fact>
      <Fact label="Day" testId="po-day">
        {po.day ? `${longDay(po.day)}${po.sequence !== null && (po.status === 'open' || po.status === 'in_production') ? ` · #${po.sequence + 1} in queue` : ''}` : po.segments.length ? 'Split over its segments' : 'Unscheduled'}
      </Fact>
      <Fact label="Quantity" testId="po-total">{formatDecimal(po.totalQty)}</Fact>
      <Fact label="Stamped">{formatDecimal(po.stampedQty)}</Fact>
    </SimpleGrid>
  );
}
