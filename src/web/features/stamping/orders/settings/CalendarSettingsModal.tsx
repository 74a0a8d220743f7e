import { useEffect, type FormEvent } from 'react';
import { Button, Checkbox, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '../../../../ui/use-form';
import { notifySuccess, notifyWarning } from '../../../../ui/notify';
import { formatIsoDay } from '../../shipments/format';
import { QueryState } from '../../../../ui/QueryState';
import { formatDecimal, isPositiveInput } from '../../../inventory/decimal';
import { useSite, type SiteDto } from '../api';
import { useAttemptKey, useUpdateSite } from '../mutations';
import { ClosedDays } from './ClosedDays';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const valuesOf = (site: SiteDto | null) => ({ dailyCap: site?.dailyCap ?? '', workingDays: (site?.workingDays ?? [1, 2, 3, 4, 5]).map(String) });

/** The stamping line's daily cap, working weekdays and closed days (planning.manage). */
export function CalendarSettingsModal({ siteId, opened, onClose }: { siteId: string | null; opened: boolean; onClose: () => void }) {
  const site = useSite(opened ? siteId : null);
  const update = useUpdateSite();
  const attempt = useAttemptKey();
  const form = useForm(valuesOf(null));
  const { values } = form;

  useEffect(() => {
    if (opened && site.data) form.reset(valuesOf(site.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, site.data?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!siteId) return;
    const errors: Record<string, string> = {};
    if (!isPositiveInput(values.dailyCap)) errors.dailyCap = 'Units per day, greater than zero';
    if (values.workingDays.length === 0) errors.workingDays = 'At least one working weekday';
    if (Object.keys(errors).length) return form.setErrors(errors);
    const input = { siteId, dailyCap: values.dailyCap.trim(), workingDays: values.workingDays.map(Number).sort((a, b) => a - b) };
    update.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: (site) => {
        attempt.settle();
        notifySuccess(`Calendar saved: ${formatDecimal(input.dailyCap)} units a day.`);
        // bookings stay where they are: say which days the new cap leaves over it
        if (site.warnings.length) notifyWarning(`Over the new cap: ${site.warnings.map((w) => `${formatIsoDay(w.day)} by ${formatDecimal(w.exceededBy)}`).join(', ')}.`);
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Calendar settings" data-testid="calendar-settings-modal">
      <QueryState pending={site.isPending} error={site.error}>
        <Stack>
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput label="Daily cap" description="Units a day across all POs" inputMode="decimal" w={220} {...form.bind('dailyCap')} data-testid="settings-daily-cap" />
              <Checkbox.Group label="Working weekdays" value={values.workingDays} onChange={(v) => form.set('workingDays', v)} error={form.errorOf('workingDays')}>
                <Group gap="md" mt={6}>
                  {WEEKDAYS.map((d, i) => <Checkbox key={d} value={String(i + 1)} label={d} />)}
                </Group>
              </Checkbox.Group>
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} data-testid="settings-save">Save</Button>
              </Group>
            </Stack>
          </form>
          <Divider label="Closed days" labelPosition="left" />
          <Text size="sm" c="dimmed">POs already booked on a day you close stay there and show on it, so nothing moves silently.</Text>
          {siteId && <ClosedDays siteId={siteId} />}
        </Stack>
      </QueryState>
    </Modal>
  );
}
