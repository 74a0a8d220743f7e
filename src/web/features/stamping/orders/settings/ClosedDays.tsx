import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDoorEnter } from '@tabler/icons-react';
import { newIdempotencyKey } from '../../../../api/client';
import { fieldErrorsOf } from '../../../../api/problem';
import { DataTable } from '../../../../ui/DataTable';
import { notifyError, notifySuccess } from '../../../../ui/notify';
import { useSiteDays } from '../api';
import { addDays, longDay, today } from '../days';
import { useCloseDay, useReopenDay } from '../mutations';

/** How far ahead the list of closed days looks (the API serves at most 62 days per request). */
const AHEAD_DAYS = 61;

/** Closed days ahead (holidays, maintenance): close one with a reason, or reopen it. */
export function ClosedDays({ siteId }: { siteId: string }) {
  const from = today();
  const days = useSiteDays(siteId, from, addDays(from, AHEAD_DAYS));
  const close = useCloseDay();
  const reopen = useReopenDay();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const closed = (days.data ?? []).filter((d) => d.closedReason !== null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!day) return setErrors({ day: 'Choose the day' });
    close.mutate({ input: { siteId, day, reason: reason.trim() || null }, key: newIdempotencyKey() }, {
      onSuccess: (r) => {
        notifySuccess(`${longDay(r.day)} closed.${r.runsStillBooked ? ` ${r.runsStillBooked} PO(s) are still booked on it: move them.` : ''}`);
        setDay('');
        setReason('');
        setErrors({});
      },
      onError: (err) => {
        setErrors(fieldErrorsOf(err));
        notifyError(err);
      },
    });
  };

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput aria-label="Day to close" type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={errors.day} data-testid="close-day-date" />
          <TextInput aria-label="Reason" placeholder="Reason (holiday, maintenance)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} style={{ flex: 1 }} data-testid="close-day-reason" />
          <Button type="submit" variant="light" loading={close.isPending} data-testid="close-day-submit">Close day</Button>
        </Group>
      </form>
      <DataTable testId="closed-days" minWidth={400} count={closed.length} emptyInline empty={`No closed days in the next ${AHEAD_DAYS + 1} days.`} columns={['Day', 'Reason', '']}>
        {closed.map((d) => (
          <Table.Tr key={d.day} data-testid="closed-day" data-day={d.day}>
            <Table.Td>{longDay(d.day)}</Table.Td>
            <Table.Td><Text size="sm">{d.closedReason}</Text></Table.Td>
            <Table.Td ta="right">
              <Tooltip label="Reopen">
                <ActionIcon
                  size="md"
                  aria-label={`Reopen ${d.day}`}
                  loading={reopen.isPending && reopen.variables?.input.day === d.day}
                  onClick={() => reopen.mutate({ input: { siteId, day: d.day }, key: newIdempotencyKey() }, {
                    onSuccess: () => notifySuccess(`${longDay(d.day)} reopened.`),
                    onError: (err) => notifyError(err),
                  })}
                >
                  <IconDoorEnter size={18} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
