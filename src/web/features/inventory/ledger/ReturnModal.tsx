import { useEffect, useState, type FormEvent } from 'react';
import { Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import Decimal from '../../../../contracts/exact-decimal';
import type { StockDocumentDto } from '../../../api/types';
import { ApiError, fieldErrorsOf } from '../../../api/problem';
import { newIdempotencyKey } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useGradeOptions } from '../api/grades';
import { useLocations } from '../api/places';
import { usePostReturn } from '../api/stock-commands';
import { POSITIVE_INPUT, formatDecimal } from '../decimal';
import { locationLabel } from '../line-errors';
import { FormFooter } from '../../../ui/FormFooter';

interface LineState {
  qty: string;
  locationId: string;
  grade: string;
}

/** What is left to return of a line: its quantity less what posted returns gave back. */
function leftOf(doc: StockDocumentDto, line: number, qty: string): string {
  const returned = doc.returnedByLine.find((r) => r.line === line)?.qty ?? '0';
  return new Decimal(qty).abs().minus(returned).toString();
}

/**
 * Returns part of a receipt (the goods go back to the supplier, taken from where they are now)
 * or of an issue (they come back into stock at the cost the issue took out, often somewhere else
 * and in another grade). Lines left empty are not returned.
 */
export function ReturnModal({ doc, opened, onClose }: { doc: StockDocumentDto; opened: boolean; onClose: () => void }) {
  const post = usePostReturn();
  const grades = useGradeOptions();
  const locations = useLocations();
  const lines = doc.entries.filter((e) => e.reversesEntryId === null);
  const toSupplier = doc.type === 'receipt';
  const [state, setState] = useState<Record<number, LineState>>({});
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!opened) return;
    setState(Object.fromEntries(lines.map((l) => [l.line, { qty: '', locationId: l.locationId, grade: l.grade }])));
    setReason('');
    setNote('');
    setErrors({});
    setProblem(null);
    setKey(newIdempotencyKey());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, doc.id]);

  const patch = (line: number, p: Partial<LineState>) => {
    setState((s) => ({ ...s, [line]: { ...s[line]!, ...p } }));
    // the server named lines by their place among those filled in: an edit may move them
    setErrors({});
  };
  const chosen = lines.filter((l) => state[l.line]?.qty.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const own: Record<string, string> = {};
    chosen.forEach((l, i) => {
      if (!POSITIVE_INPUT.test(state[l.line]!.qty.trim())) own[`lines.${i}.qty`] = 'Enter a quantity such as 2 or 0.5';
    });
    if (!reason.trim()) own.reason = 'Say why the goods are returned';
    if (!chosen.length) own.form = 'Enter a quantity on at least one line';
    if (Object.keys(own).length) {
      setErrors(own);
      return;
    }
    const input = {
      reason: reason.trim(),
      note: note.trim() || null,
      lines: chosen.map((l) => {
        const s = state[l.line]!;
        return { line: l.line, qty: s.qty.trim(), locationId: s.locationId, grade: s.grade };
      }),
    };
    post.mutate(
      { id: doc.id, input, key },
      {
        onSuccess: (d) => {
          notifySuccess(`${d.number} posted: ${toSupplier ? 'returned to the supplier' : 'back in stock'}.`);
          onClose();
        },
        onError: (err) => {
          const fields = fieldErrorsOf(err);
          const whole = err instanceof ApiError && err.status !== 422 ? err.humanMessage : null;
          setErrors(fields);
          setProblem(whole);
          // the dialog says it beside the lines or above them; a toast only for what it cannot
          if (!whole && Object.keys(fields).length === 0) notifyError(err, 'Not returned');
        },
      },
    );
  };
  // server errors name lines by their place among the chosen ones
  const lineError = (line: number, field: string) => {
    const i = chosen.findIndex((c) => c.line === line);
    return i === -1 ? undefined : errors[`lines.${i}.${field}`];
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Return of ${doc.number}`} size={960} zIndex={400} data-testid="return-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {toSupplier
              ? 'The goods go back to the supplier, taken from the location and grade you name (where they are now), at their FIFO value.'
              : 'The goods come back into stock at the cost the issue took out. Name where they come back to and in what grade — damaged, for instance.'}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th ta="right">Left to return</Table.Th>
                  <Table.Th>Return</Table.Th>
                  <Table.Th>{toSupplier ? 'Taken from' : 'Back into'}</Table.Th>
                  <Table.Th>Grade</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l) => {
                  const left = leftOf(doc, l.line, l.qty);
                  const done = !/[1-9]/.test(left);
                  return (
                    <Table.Tr key={l.id} data-testid="return-line" data-line={l.line}>
                      <Table.Td>
                        {l.variantCode}
                        {l.lotCode && <Text size="xs" c="dimmed">lot {l.lotCode}</Text>}
                      </Table.Td>
                      <Table.Td ta="right">{done ? 'all returned' : formatDecimal(left)}</Table.Td>
                      <Table.Td>
                        <TextInput aria-label={`Return on line ${l.line}`} size="sm" w={110} inputMode="decimal" autoComplete="off" disabled={done}
                          value={state[l.line]?.qty ?? ''} onChange={(e) => patch(l.line, { qty: e.currentTarget.value })} error={lineError(l.line, 'qty') ?? lineError(l.line, 'line')} />
                      </Table.Td>
                      <Table.Td>
                        <Select aria-label={`Location on line ${l.line}`} size="sm" w={220} searchable disabled={done}
                          data={(locations.data ?? []).map((x) => ({ value: x.id, label: locationLabel(x) }))}
                          value={state[l.line]?.locationId ?? l.locationId} onChange={(v) => v && patch(l.line, { locationId: v })}
                          error={lineError(l.line, 'locationId')} comboboxProps={{ withinPortal: true, zIndex: 500 }} />
                      </Table.Td>
                      <Table.Td>
                        <Select aria-label={`Grade on line ${l.line}`} size="sm" w={150} disabled={done} data={grades}
                          value={state[l.line]?.grade ?? l.grade} onChange={(v) => v && patch(l.line, { grade: v })}
                          error={lineError(l.line, 'grade')} comboboxProps={{ withinPortal: true, zIndex: 500 }} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TextInput label="Reason" required placeholder={toSupplier ? 'Rejected at inspection' : 'Customer return: wrong size'} value={reason}
            onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-testid="return-reason" />
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          {errors.form && <Text size="sm" c="red">{errors.form}</Text>}
          <FormFooter problem={problem} problemTitle="Not returned" submitLabel="Post return" loading={post.isPending} onCancel={onClose} testId="return" />
        </Stack>
      </form>
    </Modal>
  );
}
