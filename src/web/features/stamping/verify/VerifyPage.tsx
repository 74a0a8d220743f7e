import { useState } from 'react';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { PO_STATUS } from '../orders/status';
import { useVerification, type VerifyResult } from './api';
import { Blockers } from './Blockers';
import { Overrides } from './Overrides';
import { ReleasedStamps } from './ReleasedStamps';
import { CompletedPanel } from './CompletedPanel';
import { VerifyForm } from './VerifyForm';
import { VerifyTable } from './VerifyTable';

/** Four-eyes verification of a production order: actual against estimate, then Verify & Complete. */
export function VerifyPage({ poId }: { poId: string }) {
  const v = useVerification(poId);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const d = v.data;
  return (
    <>
      <Anchor size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }} renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId }} {...props} />}>
        <IconArrowLeft size={14} /> {d?.po.number ?? 'Production order'}
      </Anchor>
      <QueryState pending={v.isPending} error={v.error}>
        {d && (
          <>
            <PageHeader
              title={`Verify ${d.po.number}`}
              description={
                <Group gap="xs" component="span">
                  <Badge color={PO_STATUS[d.po.status].color} variant="light" data-testid="verify-status" data-status={d.po.status}>{PO_STATUS[d.po.status].label}</Badge>
                  <Text span size="sm">{d.po.customerName} · {d.po.shipmentNumber}</Text>
                </Group>
              }
            />
            <Stack>
              <CompletedPanel v={d} result={result} />
              {d.po.reverificationRequired && (
                <Alert color="orange" title="Re-verification required">A line was increased after production started: check the figures again.</Alert>
              )}
              <Card withBorder radius="lg" padding="md">
                <Title order={4} mb="sm">Actual against estimate</Title>
                <VerifyTable po={d.po} lines={d.lines} />
                <ReleasedStamps v={d} />
              </Card>
              <Overrides v={d} />
              {d.po.status !== 'completed' && <Blockers v={d} />}
              <Card withBorder radius="lg" padding="md">
                <Text size="sm" data-testid="verify-stampers">
                  <Text span fw={650}>Stamped by: </Text>
                  {d.stampers.length ? d.stampers.join(', ') : 'nobody yet'}
                </Text>
                {d.po.status === 'pending_verification' && (
                  <Text size="xs" c="dimmed" mt={4}>A second user verifies: nobody who started or stamped this order can complete it.</Text>
                )}
              </Card>
              <VerifyForm v={d} onVerified={setResult} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
