import { useEffect, useState, type FormEvent } from 'react';
import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { orNull } from '../../../ui/format';
import { isWholePositive } from '../units';
import { useBrands, useConsignees, useProducts } from '../setup/api';
import { useCreateShipment } from './api';
import { PackingListRows, type PackingRow } from './PackingListRows';
import { AnnouncedBoxRows, type BoxRow } from './AnnouncedBoxRows';
import { rowKey } from './row-key';
import { FormFooter } from '../../../ui/FormFooter';

const blank = () => ({ customerId: null as string | null, reference: '', expectedOn: '', note: '' });
const newPackingRow = (): PackingRow => ({ key: rowKey(), variantId: null, qty: '' });
const newBoxRow = (): BoxRow => ({ key: rowKey(), brandId: null, count: '' });

/** A consignee announces a shipment: its packing list and, if known, how many boxes per brand. */
export function NewShipmentModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateShipment();
  const navigate = useNavigate();
  const consignees = useConsignees(opened);
  const products = useProducts(opened);
  const brands = useBrands(opened);
  const form = useForm(blank());
  const [packing, setPacking] = useState<PackingRow[]>([newPackingRow()]);
  const [boxes, setBoxes] = useState<BoxRow[]>([]);

  useEffect(() => {
    if (!opened) return;
    form.reset(blank());
    setPacking([newPackingRow()]);
    setBoxes([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.customerId) errors.customerId = 'Choose the consignee';
    const lines = packing.filter((r) => r.variantId || r.qty.trim());
    lines.forEach((r, i) => {
      if (!r.variantId) errors[`packingList.${i}.variantId`] = 'Choose the product';
      if (!isWholePositive(r.qty)) errors[`packingList.${i}.qty`] = 'Enter a quantity greater than zero';
    });
    const announced = boxes.filter((r) => r.brandId || r.count.trim());
    announced.forEach((r, i) => {
      if (!r.brandId) errors[`expectedBoxes.${i}.brandId`] = 'Choose the brand';
      if (!/^\d{1,4}$/.test(r.count.trim()) || Number(r.count) < 1 || Number(r.count) > 5000) errors[`expectedBoxes.${i}.count`] = 'Enter 1 to 5000 boxes';
    });
    // errors are keyed by position among the rows sent: drop the blank rows first so they line up
    setPacking(lines.length ? lines : [newPackingRow()]);
    setBoxes(announced);
    if (Object.keys(errors).length) return form.setErrors(errors);
    const input = {
      customerId: form.values.customerId!,
      reference: orNull(form.values.reference),
      expectedOn: orNull(form.values.expectedOn),
      note: orNull(form.values.note),
      packingList: lines.map((r) => ({ variantId: r.variantId!, qty: r.qty.trim() })),
      expectedBoxes: announced.map((r) => ({ brandId: r.brandId!, count: Number(r.count) })),
    };
    create.mutate({ input, key: form.idempotencyKey }, {
      onSuccess: (s) => {
        notifySuccess(`Shipment ${s.number} announced.`);
        onClose();
        void navigate({ to: '/stamping/shipments/$shipmentId', params: { shipmentId: s.id } });
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New shipment" size="xl" data-testid="new-shipment-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Consignee"
              required
              searchable
              data={(consignees.data ?? []).map((c) => ({ value: c.customerId, label: `${c.name} · ${c.code}` }))}
              nothingFoundMessage="Set up a consignee under Stamping setup first"
              value={form.values.customerId}
              onChange={(v) => form.set('customerId', v)}
              error={form.errorOf('customerId')}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput label="Reference" placeholder="Bill of lading, ASN" autoComplete="off" {...form.bind('reference')} />
            <TextInput label="Expected on" type="date" {...form.bind('expectedOn')} />
          </SimpleGrid>
          <Divider label="Packing list" labelPosition="left" />
          <PackingListRows rows={packing} onChange={setPacking} products={products.data ?? []} errors={form.errors} />
          <Group>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setPacking([...packing, newPackingRow()])} data-testid="add-packing-row">
              Add product
            </Button>
          </Group>
          <Divider label="Announced boxes" labelPosition="left" />
          <Text size="sm" c="dimmed">Optional: boxes per brand, numbered 1 to the count. Boxes not announced can still be received.</Text>
          <AnnouncedBoxRows rows={boxes} onChange={setBoxes} brands={brands.data ?? []} errors={form.errors} />
          <Group>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setBoxes([...boxes, newBoxRow()])} data-testid="add-box-row">
              Announce boxes of a brand
            </Button>
          </Group>
          <Textarea label="Note" autosize minRows={2} {...form.bind('note')} />
          <FormFooter submitLabel="Create shipment" loading={create.isPending} onCancel={onClose} testId="new-shipment" />
        </Stack>
      </form>
    </Modal>
  );
}
