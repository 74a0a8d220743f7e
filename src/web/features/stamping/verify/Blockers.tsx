import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { isNegative, isZero } from '../../inventory/decimal';
import type { Verification } from './api';

/** Why the PO cannot be verified (yet, or by you); an over-estimate line links to editing the PO. */
export function Blockers({ v }: { v: Verification }) {
  if (v.blockers.length === 0) return null;
  const over = v.lines.some((l) => !isZero(l.difference) && !isNegative(l.difference));
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title="Cannot be verified yet" data-testid="verify-blockers">
      <List size="sm" spacing={4}>
        {v.blockers.map((b) => <List.Item key={b} data-testid="verify-blocker">{b}</List.Item>)}
      </List>
      {over && (
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
