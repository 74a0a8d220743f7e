import { Anchor, Card, Group, Select } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useConsignees } from '../setup/api';
import { useOutbounds } from '../verify/api';
import { OutboundsTable } from './OutboundsTable';

/** What left the plant: one outbound per consignee per completion day, with the orders filed on it. */
export function OutboundsPage({ customerId, onCustomer }: { customerId?: string; onCustomer: (customerId: string | undefined) => void }) {
  const consignees = useConsignees();
  const outbounds = useOutbounds(customerId);
  return (
    <>
      <PageHeader title="Outbounds" description="Created as orders complete: one per consignee per day, newest first." />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md">
          <Select
            placeholder="All consignees"
            aria-label="Consignee"
            clearable
            data={(consignees.data ?? []).map((c) => ({ value: c.customerId, label: `${c.name} · ${c.code}` }))}
            value={customerId ?? null}
            onChange={(v) => onCustomer(v ?? undefined)}
            w={280}
            data-testid="outbounds-consignee"
          />
        </Group>
        <QueryState pending={outbounds.isPending} error={outbounds.error}>
          <OutboundsTable rows={outbounds.data ?? []} testId="outbounds" withConsignee renderPo={(p) => (
            <Anchor size="sm" renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId: p.id }} {...props} />} data-testid="outbound-po">
              {p.number}
            </Anchor>
          )} />
        </QueryState>
      </Card>
    </>
  );
}
