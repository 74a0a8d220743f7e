import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypePdf } from '@tabler/icons-react';
import { useMe } from '../../../auth/me';
import { fieldErrorsOf } from '../../../api/problem';
import { notifySuccess } from '../../../ui/notify';
import { orNull } from '../../../ui/format';
import { receiptUrl, usePortalAvailability, usePortalRegions, usePortalShipments, useSlots, useSubmitRequest, type CreateRequestInput, type PoRequestDto } from '../api';
import { RequestGrid } from './RequestGrid';
import { SlotPicker } from './SlotPicker';
import { badCells, remaining, requestTotal, toRequestLines } from './grid';
import { attemptFor, clearDraft, emptyDraft, loadDraft, saveDraft, type RequestDraft } from './draft';
import { failureText } from './failure';

/**
 * A production request: an inventoried shipment, quantities by variant × region within live
 * availability, a production day from the slot picker, optional delivery wishes. It is shown as
 * received only once the server answered 201; until then the draft stays in this browser (per
 * shipment) with its Idempotency-Key, so submitting again after a failure is always safe.
 */
export function NewRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const me = useMe();
  const userId = me?.user.id ?? 'anonymous';
  const [shipmentId, setShipmentId] = useState<string | null>(null);
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<PoRequestDto | null>(null);
  const shipments = usePortalShipments();
  const availability = usePortalAvailability(opened ? shipmentId : null);
  const regions = usePortalRegions(opened);
  const slots = useSlots(opened);
  const submit = useSubmitRequest();
  const inventoried = (shipments.data ?? []).filter((s) => s.status === 'inventoried');
  const rows = availability.data ?? [];
  const regionList = regions.data ?? [];

  useEffect(() => {
    if (!opened) return;
    setConfirmed(null);
    setFailure(null);
    setErrors({});
  }, [opened]);

  const chooseShipment = (id: string | null) => {
    setShipmentId(id);
    // the draft of that shipment comes back: nothing typed is ever lost
    setDraft(id ? loadDraft(userId, id) : emptyDraft());
    setErrors({});
    setFailure(null);
  };
  const change = (patch: Partial<RequestDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (shipmentId) saveDraft(userId, shipmentId, next);
  };
  const changeCell = (key: string, value: string) => {
    change({ cells: { ...draft.cells, [key]: value } });
    setErrors(({ [key]: _gone, lines: _l, ...rest }) => rest);
  };

  const over = useMemo(
    () => rows.some((a) => remaining(a.available, a.variantId, regionList.map((r) => r.code), draft.cells).isNegative()),
    [rows, regionList, draft.cells],
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!shipmentId) return setErrors({ shipmentId: 'Choose the shipment' });
    const { lines, cells } = toRequestLines(rows.map((a) => a.variantId), regionList.map((r) => r.code), draft.cells);
    const local: Record<string, string> = {};
    if (!lines.length) local.lines = 'Enter a quantity for at least one variant and region';
    if (badCells(draft.cells).length) local.lines = 'Some cells are not quantities';
    if (over) local.lines = 'Some rows ask for more than is available';
    if (!draft.requestedDay) local.requestedDay = 'Choose a production date';
    if (Object.keys(local).length) return setErrors(local);
    const input: CreateRequestInput = {
      shipmentId, requestedDay: draft.requestedDay!, deliveryDate: draft.deliveryDate || null, deliveryDetails: orNull(draft.deliveryDetails), lines,
    };
    // the key is stored before sending: a reload after a lost answer retries with the same key
    const attempt = attemptFor(draft, input);
    change({ attempt });
    setFailure(null);
    submit.mutate({ input, key: attempt.key }, {
      onSuccess: (request) => {
        clearDraft(userId, shipmentId);
        setDraft(emptyDraft());
        setConfirmed(request);
        notifySuccess(`${request.number} received — pending review by the plant.`);
      },
      onError: (err) => {
        const byField = fieldErrorsOf(err);
        const mapped: Record<string, string> = {};
        for (const [field, message] of Object.entries(byField)) {
          const m = /^lines\.(\d+)\./.exec(field);
          mapped[m && cells[Number(m[1])] ? cells[Number(m[1])]! : field] = message;
        }
        setErrors(mapped);
        // the alert above the lines says it; a toast would repeat it and cover the Submit button
        setFailure(failureText(err));
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New production request" size="80rem" data-testid="new-request-modal">
      {confirmed ? (
        <Stack>
          <Alert color="teal" icon={<IconCircleCheck />} title={`${confirmed.number} received`} data-testid="request-confirmed">
            The plant has your request for {confirmed.requestedDay}. It is pending review; this portal shows every change live.
          </Alert>
          <Group justify="space-between">
            <Anchor href={receiptUrl(confirmed.id)} target="_blank" rel="noopener" data-testid="receipt-link">
              <Group gap={6}><IconFileTypePdf size={18} />Receipt {confirmed.number} (PDF)</Group>
            </Anchor>
            <Button onClick={onClose} data-testid="request-done">Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Select
              label="Shipment"
              description="Only inventoried shipments can be requested from"
              required
              data={inventoried.map((s) => ({ value: s.id, label: `${s.number}${s.reference ? ` (${s.reference})` : ''}` }))}
              nothingFoundMessage="No inventoried shipment"
              value={shipmentId}
              onChange={chooseShipment}
              error={errors.shipmentId}
              comboboxProps={{ withinPortal: true }}
              data-testid="request-shipment"
            />
            {shipmentId && (availability.isPending || regions.isPending ? <Loader size="sm" /> : (
              <RequestGrid availability={rows} regions={regionList} cells={draft.cells} errors={errors} onChange={changeCell} disabled={submit.isPending} />
            ))}
            {errors.lines && <Text size="sm" c="red" data-testid="request-lines-error">{errors.lines}</Text>}
            <SlotPicker slots={slots.data ?? []} units={requestTotal(draft.cells)} loading={slots.isPending} value={draft.requestedDay} onChange={(d) => { change({ requestedDay: d }); setErrors(({ requestedDay: _d, ...rest }) => rest); }} error={errors.requestedDay} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Requested delivery date"
                description="Leave blank for flexible"
                type="date"
                value={draft.deliveryDate}
                onChange={(e) => change({ deliveryDate: e.currentTarget.value })}
                error={errors.deliveryDate}
                data-testid="request-delivery-date"
              />
              <Textarea
                label="Delivery details"
                description="Address, carrier or instructions"
                placeholder="Deliver to dock B, call on arrival"
                autosize
                minRows={2}
                maxLength={500}
                value={draft.deliveryDetails}
                onChange={(e) => change({ deliveryDetails: e.currentTarget.value })}
                error={errors.deliveryDetails}
                data-testid="request-delivery-details"
              />
            </SimpleGrid>
            {failure && (
              <Alert color="red" icon={<IconAlertTriangle />} title="Not submitted" data-testid="request-failure">
                {failure.replace(/\.$/, '')}. Your draft is kept in this browser; submitting again is safe.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>Close</Button>
              <Button type="submit" loading={submit.isPending} disabled={!shipmentId} data-testid="request-submit">Submit request</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
