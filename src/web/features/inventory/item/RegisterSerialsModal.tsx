import { useEffect, useState, type FormEvent } from 'react';
import { Alert, List, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { orNull } from '../../../ui/format';
import { useVariants } from '../api/catalog';
import { useLocations, useLots } from '../api/places';
import { useRegisterSerials } from '../api/serials';
import { locationLabel } from '../line-errors';
import { MAX_SERIALS, parseSerialList, rowErrors, serialRange } from './serial-numbers';
import { FormFooter } from '../../../ui/FormFooter';

type Mode = 'list' | 'range';
const blank = () => ({
  mode: 'list' as Mode, variantId: null as string | null, list: '', prefix: '', start: '1', count: '', digits: '4',
  locationId: null as string | null, lotId: null as string | null, stage: '', orderRef: '',
});
const portal = { withinPortal: true };

/** Registers serial units of an item, typed one per line or generated as a prefix and a count. */
export function RegisterSerialsModal({ item, opened, onClose }: { item: { id: string; code: string }; opened: boolean; onClose: () => void }) {
  const register = useRegisterSerials();
  const form = useForm(blank());
  const { values } = form;
  const variants = useVariants(opened ? item.id : null);
  const locations = useLocations();
  const lots = useLots({ itemId: item.id }, opened);
  const [rows, setRows] = useState<ReturnType<typeof rowErrors>>([]);
  const variantList = variants.data ?? [];
  const only = variantList.length === 1 ? variantList[0]!.id : null;

  useEffect(() => {
    if (opened) form.reset(blank());
    setRows([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const serials = values.mode === 'list' ? parseSerialList(values.list) : serialRange(values.prefix, values.start, values.count, values.digits);
  const preview = typeof serials === 'string' ? null : serials.length > 2 ? `${serials[0]} … ${serials.at(-1)}` : serials.join(', ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const variantId = values.variantId ?? only;
    if (!variantId) errors.variantId = 'Choose the variant';
    if (typeof serials === 'string') errors.count = serials;
    else if (serials.length === 0) errors.list = 'Enter at least one serial number';
    else if (serials.length > MAX_SERIALS) errors[values.mode === 'list' ? 'list' : 'count'] = `At most ${MAX_SERIALS} at a time`;
    setRows([]);
    if (Object.keys(errors).length || typeof serials === 'string') return form.setErrors(errors);
    const input = { variantId: variantId!, serialNos: serials, stage: orNull(values.stage), locationId: values.locationId, lotId: values.lotId, orderRef: orNull(values.orderRef) };
    register.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: (r) => {
          notifySuccess(`${r.created} serial ${r.created === 1 ? 'unit' : 'units'} of ${item.code} registered.`);
          onClose();
        },
        onError: (err) => {
          setRows(rowErrors(err, serials));
          form.fail(err);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Register serials · ${item.code}`} data-testid="register-serials-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          {variantList.length > 1 && (
            <Select label="Variant" required searchable placeholder="Choose the variant" data={variantList.map((v) => ({ value: v.id, label: v.code }))}
              value={values.variantId} onChange={(v) => form.set('variantId', v)} error={form.errorOf('variantId')} comboboxProps={portal} />
          )}
          <SegmentedControl fullWidth data={[{ value: 'list', label: 'One per line' }, { value: 'range', label: 'Prefix and count' }]}
            value={values.mode} onChange={(m) => form.set('mode', m as Mode)} data-testid="serials-mode" />
          {values.mode === 'list' ? (
            <Textarea label="Serial numbers" required autosize minRows={4} maxRows={12} placeholder={'SN-0001\nSN-0002'} data-autofocus {...form.bind('list')} />
          ) : (
            <SimpleGrid cols={{ base: 2, xs: 4 }}>
              <TextInput label="Prefix" placeholder="SN-" autoComplete="off" {...form.bind('prefix')} />
              <TextInput label="First number" inputMode="numeric" {...form.bind('start')} />
              <TextInput label="How many" required inputMode="numeric" {...form.bind('count')} />
              <TextInput label="Digits" inputMode="numeric" {...form.bind('digits')} />
            </SimpleGrid>
          )}
          {preview && (
            <Text size="sm" c="dimmed" data-testid="serials-preview">
              {typeof serials !== 'string' && serials.length} to register: {preview}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select label="Location" placeholder="Not placed yet" clearable searchable comboboxProps={portal}
              data={(locations.data ?? []).filter((l) => l.active).map((l) => ({ value: l.id, label: locationLabel(l) }))}
              value={values.locationId} onChange={(v) => form.set('locationId', v)} error={form.errorOf('locationId')} />
            <Select label="Lot" placeholder="No lot" clearable searchable comboboxProps={portal}
              data={(lots.data ?? []).filter((l) => l.variantId === null || l.variantId === (values.variantId ?? only)).map((l) => ({ value: l.id, label: l.code }))}
              value={values.lotId} onChange={(v) => form.set('lotId', v)} error={form.errorOf('lotId')} />
            <TextInput label="Stage" placeholder="e.g. Assembly" {...form.bind('stage')} />
            <TextInput label="Order" placeholder="Optional order reference" {...form.bind('orderRef')} />
          </SimpleGrid>
          {rows.length > 0 && (
            <Alert color="red" icon={<IconAlertTriangle />} title="Nothing was registered" data-testid="serial-row-errors">
              <List size="sm">
                {rows.slice(0, 20).map((r) => (
                  <List.Item key={r.row} data-testid="serial-row-error" data-serial={r.serial}>
                    Row {r.row} · {r.serial}: {r.message}
                  </List.Item>
                ))}
              </List>
              {rows.length > 20 && <Text size="sm">… and {rows.length - 20} more</Text>}
            </Alert>
          )}
          <FormFooter submitLabel="Register" loading={register.isPending} onCancel={onClose} testId="register-serials" />
        </Stack>
      </form>
    </Modal>
  );
}
