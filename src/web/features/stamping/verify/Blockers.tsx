import { overAuthorised } from '../../../../contracts/stamping-run';
import { Alert, Anchor, Button, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBigUpLines } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useAttemptKey } from '../orders/mutations';
import { useIncreaseLines, type Verification } from './api';

/**
 * Why the PO cannot be verified (yet, or by you). Lines stamped beyond what was ordered: a verifier
 * raises them to what was stamped here (the PO then asks to be verified again), others are sent to
 * edit the PO.
 */
export function Blockers({ v }: { v: Verification }) {
  const can = useCan();
  const increase = useIncreaseLines();
  const increaseKey = useAttemptKey();
  if (v.blockers.length === 0) return null;
  const overLines = v.lines.filter(overAuthorised);
  const over = overLines.length > 0;
  const raise = () => {
    const lines = overLines.map((l) => ({ variantId: v.po.lines.find((p) => p.id === l.poLineId)!.variantId, regionCode: l.regionCode, qty: l.actual }));
    increase.mutate({ poId: v.po.id, lines, key: increaseKey.keyFor(lines) }, {
      onSuccess: () => {
        increaseKey.settle();
        notifySuccess(`${v.po.number}: ${lines.length === 1 ? 'the line now authorises' : 'the lines now authorise'} what was stamped.`);
      },
      onError: (err) => notifyError(err),
    });
  };
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title="Cannot be verified yet" data-testid="verify-blockers">
      <List size="sm" spacing={4}>
        {v.blockers.map((b) => <List.Item key={b} data-testid="verify-blocker">{b}</List.Item>)}
      </List>
      {over && can('stamping.verify') && (
        <Button mt="sm" size="xs" color="orange" leftSection={<IconArrowBigUpLines size={16} />} loading={increase.isPending} onClick={raise} data-testid="verify-increase-lines">
          Increase {overLines.length === 1 ? 'the line' : 'the lines'} to what was stamped
        </Button>
      )}
      {over && !can('stamping.verify') && (
        <Text size="sm" mt="sm">
          A planner must increase the line first:{' '}
          <Anchor size="sm" renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId: v.po.id }} {...props} />} data-testid="verify-edit-po">
            edit {v.po.number}
          </Anchor>
          . Increasing a line asks for verification again.
        </Text>
      )}
    </Alert>
  );
}
