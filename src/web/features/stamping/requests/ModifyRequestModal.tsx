import { useEffect, useState, type FormEvent } from 'react';
import { Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useAttemptKey } from '../orders/mutations';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { fieldErrorsOf } from '../../../api/problem';
import { formatDecimal, isZero } from '../../inventory/decimal';
import { WHOLE_INPUT } from '../units';
import type { RegionMap } from '../orders/regions';
import { useModifyRequest, type PoRequestDto } from './api';
import { FormFooter } from '../../../ui/FormFooter';

/** A typed proposal quantity: blank keeps the line as requested; 0 drops it. */
const validQty = (s: string) => s.trim() === '' || isZero(s.trim()) || WHOLE_INPUT.test(s.trim());

/**
 * Modify: propose another production day and/or smaller quantities per line. The customer then
 * accepts (it becomes a PO on the proposed day) or declines.
 */
export function ModifyRequestModal({ request, regions, onClose }: { request: PoRequestDto | null; regions: RegionMap; onClose: () => void }) {
  const modify = useModifyRequest();
  const attempt = useAttemptKey();
  const [day, setDay] = useState('');
  const [qty, setQty] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setDay(request?.proposedDay ?? '');
    setQty(Object.fromEntries((request?.lines ?? []).filter((l) => l.proposedQty !== null).map((l) => [l.lineNo, l.proposedQty!])));
    setErrors({});
    // only a different request resets the form: a live refetch of the same one must not wipe typing
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!request) return;
    const lines = request.lines
      .filter((l) => (qty[l.lineNo] ?? '').trim() !== '')
      .map((l) => ({ lineNo: l.lineNo, proposedQty: qty[l.lineNo]!.trim() }));
    const bad = request.lines.find((l) => !validQty(qty[l.lineNo] ?? ''));
    if (bad) return setErrors({ [`line.${bad.lineNo}`]: 'Not a quantity' });
    if (!day && !lines.length) return setErrors({ proposedDay: 'Propose a day or a smaller quantity' });
    const input = { id: request.id, proposedDay: day || null, lines };
    modify.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: ({ request: r }) => {
        attempt.settle();
        notifySuccess(`Proposal sent to ${r.customerCode} for ${r.number}.`);
        onClose();
      },
      onError: (err) => {
        const by = fieldErrorsOf(err);
        const mapped: Record<string, string> = {};
        for (const [field, message] of Object.entries(by)) {
          const m = /^lines\.(\d+)\./.exec(field);
          mapped[m ? `line.${lines[Number(m[1])]?.lineNo}` : field] = message;
        }
        setErrors(mapped);
        // said beside its field already: a toast would only repeat it (and stack over the button)
        const inline = (f: string) => f === 'proposedDay' || f === 'lines' || /^line\.\d+$/.test(f);
        const keys = Object.keys(mapped);
        if (keys.length === 0 || !keys.every(inline)) notifyError(err);
      },
    });
  };

  return (
    <Modal opened={request !== null} onClose={onClose} title={`Propose changes to ${request?.number ?? ''}`} size="48rem">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Production day"
            description={request ? `Requested: ${request.requestedDay}. Leave blank to keep it.` : undefined}
            type="date"
            value={day}
            onChange={(e) => { setDay(e.currentTarget.value); setErrors({}); }}
            error={errors.proposedDay}
            data-testid="modify-day"
          />
          <Text size="sm" fw={500}>Quantities (blank keeps the requested quantity; 0 drops the line)</Text>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr><Table.Th>Line</Table.Th><Table.Th>Region</Table.Th><Table.Th ta="right">Requested</Table.Th><Table.Th ta="right">Proposed</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(request?.lines ?? []).map((l) => (
                <Table.Tr key={l.lineNo} data-testid="modify-line">
                  <Table.Td>{l.label}</Table.Td>
                  {/* the region as the rest of the inbox names it, not its code */}
                  <Table.Td data-testid="modify-region">{regions.get(l.regionCode)?.name ?? l.regionCode}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(l.qty)}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Proposed quantity for line ${l.lineNo}`}
                      size="xs"
                      w={110}
                      ml="auto"
                      inputMode="decimal"
                      placeholder={l.qty}
                      value={qty[l.lineNo] ?? ''}
                      onChange={(e) => { const v = e.currentTarget.value; setQty((q) => ({ ...q, [l.lineNo]: v })); setErrors({}); }}
                      error={errors[`line.${l.lineNo}`]}
                      styles={{ input: { textAlign: 'right' } }}
                      data-testid="modify-qty"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {errors.lines && <Text size="sm" c="red">{errors.lines}</Text>}
          <FormFooter submitLabel="Send proposal" loading={modify.isPending} onCancel={onClose} testId="modify" submitColor="orange" />
        </Stack>
      </form>
    </Modal>
  );
}
