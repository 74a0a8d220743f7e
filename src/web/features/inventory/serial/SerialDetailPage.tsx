import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { QueryState } from '../../../ui/QueryState';
import { formatDateTime } from '../../../ui/format';
import { serialsUnavailable, useSerial } from '../api/serials';
import { serialStatus } from '../options';
import { SerialHistory } from './SerialHistory';
import { MarkDefectModal, canMarkDefect } from './MarkDefectModal';

function Field({ label, value, testId }: { label: string; value: string | number | null; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value ?? '—'}
      </Text>
    </div>
  );
}

/** The statuses a defect can still be recorded in. */

/** One serial unit: where it is in its life, and everything that happened to it. */
export function SerialDetailPage({ serialId }: { serialId: string }) {
  const can = useCan();
  const serial = useSerial(serialId);
  const [marking, setMarking] = useState(false);
  const s = serial.data;

  if (serial.isError && serialsUnavailable(serial.error)) {
    return (
      <Alert color="gray" icon={<IconAlertTriangle />} title="Serial tracking unavailable">
        This server does not track serial units yet.
      </Alert>
    );
  }
  return (
    <Stack>
      <Anchor
        size="sm"
        renderRoot={(props) => (s ? <Link to="/inventory/items/$itemId" params={{ itemId: s.itemId }} {...props} /> : <Link to="/inventory" {...props} />)}
      >
        <Group gap={4}>
          <IconArrowLeft size={16} /> {s ? s.variantCode : 'Inventory'}
        </Group>
      </Anchor>
      <QueryState pending={serial.isPending} error={serial.error}>
        {s && (
          <>
            <Card withBorder radius="lg" padding="lg" data-testid="serial-detail" data-serial={s.serialNo}>
              <Group justify="space-between" mb="md" wrap="wrap">
                <Group gap="sm">
                  <Title order={2}>{s.serialNo}</Title>
                  <Badge size="lg" color={serialStatus(s.status).color} data-testid="serial-status">
                    {serialStatus(s.status).label}
                  </Badge>
                </Group>
                {can('inventory.adjust') && (
                  <Button color="red" variant="light" disabled={!canMarkDefect(s.status)} onClick={() => setMarking(true)} data-testid="mark-defect">
                    Mark defect
                  </Button>
                )}
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Field label="Variant" value={s.variantCode} />
                <Field label="Stage" value={s.stage} testId="serial-stage" />
                <Field label="Order" value={s.orderRef} />
                <Field label="Iterations" value={s.iteration} testId="serial-iteration" />
                <Field label="Location" value={s.locationCode} />
                <Field label="Lot" value={s.lotCode} />
                <Field label="Registered" value={formatDateTime(s.createdAt)} />
                <Field label="Last updated" value={formatDateTime(s.updatedAt)} />
              </SimpleGrid>
            </Card>
            <Card withBorder radius="lg" padding="lg">
              <Title order={3} mb="md">
                History
              </Title>
              <SerialHistory history={s.history} />
            </Card>
            {can('inventory.adjust') && <MarkDefectModal serial={s} opened={marking} onClose={() => setMarking(false)} />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
