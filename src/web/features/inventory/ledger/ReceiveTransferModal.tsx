import { useEffect, useState, type FormEvent } from 'react';
import { Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { StockDocumentDto } from '../../../api/types';
import { ApiError, fieldErrorsOf } from '../../../api/problem';
import { newIdempotencyKey } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useGradeOptions } from '../api/grades';
import { useReceiveTransfer } from '../api/stock-commands';
import { POSITIVE_INPUT } from '../decimal';
import { FormFooter } from '../../../ui/FormFooter';

interface LineState {
  receivedQty: string;
  /** null: a shortfall stays in transit */
  shortfallGrade: string | null;
}

/**
 * Receives a transfer in transit: per line what arrived (all of it unless changed), and what
 * becomes of a shortfall — it stays in transit, or arrives in a grade such as damaged.
 */
export function ReceiveTransferModal({ doc, opened, onClose }: { doc: StockDocumentDto; opened: boolean; onClose: () => void }) {
  const receive = useReceiveTransfer();
  const grades = useGradeOptions();
  const lines = doc.transit?.lines ?? [];
  const [state, setState] = useState<Record<number, LineState>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!opened) return;
    setState(Object.fromEntries(lines.map((l) => [l.line, { receivedQty: l.qty, shortfallGrade: null }])));
    setErrors({});
    setProblem(null);
    setKey(newIdempotencyKey());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, doc.id]);

  const patch = (line: number, p: Partial<LineState>) => setState((s) => ({ ...s, [line]: { ...s[line]!, ...p } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const own: Record<string, string> = {};
    lines.forEach((l, i) => {
      if (!POSITIVE_INPUT.test(state[l.line]?.receivedQty.trim() ?? '')) own[`lines.${i}.receivedQty`] = 'Enter what arrived, such as 0 or 4';
    });
    if (Object.keys(own).length) return setErrors(own);
    const input = { lines: lines.map((l) => ({ line: l.line, receivedQty: state[l.line]!.receivedQty.trim(), shortfallGrade: state[l.line]!.shortfallGrade })) };
    receive.mutate(
      { id: doc.id, input, key },
      {
        onSuccess: (d) => {
          notifySuccess(`${d.number} received.`);
          onClose();
        },
        onError: (err) => {
          const fields = fieldErrorsOf(err);
          const whole = err instanceof ApiError && err.status !== 422 ? err.humanMessage : null;
          setErrors(fields);
          setProblem(whole);
          // the dialog says it beside the lines or above them; a toast only for what it cannot
          if (!whole && Object.keys(fields).length === 0) notifyError(err, 'Not received');
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Receive ${doc.number}`} size="xl" zIndex={400} data-testid="receive-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            What arrived moves from {doc.transit?.viaLocationCode} to its destination at the cost it left with. Anything short stays in transit unless you say what grade it arrived in.
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th ta="right">Shipped</Table.Th>
                  <Table.Th>Received</Table.Th>
                  <Table.Th>Shortfall</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l, i) => (
                  <Table.Tr key={l.line} data-testid="receive-line" data-line={l.line}>
                    <Table.Td>{l.variantCode}{l.lotCode && <Text size="xs" c="dimmed">lot {l.lotCode}</Text>}</Table.Td>
                    <Table.Td>{l.toLocationCode}</Table.Td>
                    <Table.Td ta="right">{l.qty}</Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`Received on line ${l.line}`} size="sm" w={120} inputMode="decimal" autoComplete="off"
                        value={state[l.line]?.receivedQty ?? ''} onChange={(e) => patch(l.line, { receivedQty: e.currentTarget.value })}
                        error={errors[`lines.${i}.receivedQty`]} />
                    </Table.Td>
                    <Table.Td>
                      <Select aria-label={`Shortfall on line ${l.line}`} size="sm" w={190} placeholder="Stays in transit" clearable
                        data={grades.filter((g) => g.value !== l.toGrade)} value={state[l.line]?.shortfallGrade ?? null}
                        onChange={(g) => patch(l.line, { shortfallGrade: g })} error={errors[`lines.${i}.shortfallGrade`]} comboboxProps={{ withinPortal: true, zIndex: 500 }} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <FormFooter problem={problem} problemTitle="Not received" submitLabel="Receive" loading={receive.isPending} onCancel={onClose} testId="receive" />
        </Stack>
      </form>
    </Modal>
  );
}
