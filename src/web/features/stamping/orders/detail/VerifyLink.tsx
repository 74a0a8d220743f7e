import { Button } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';

/** To the four-eyes sign-off: shown to whoever may see the PO, the verify page says who may act. */
export function VerifyLink({ poId }: { poId: string }) {
  return (
    <Button color="orange" leftSection={<IconShieldCheck size={18} />} data-testid="po-verify"
      renderRoot={(props) => <Link to="/stamping/orders/$poId/verify" params={{ poId }} {...props} />}>
      Verify
    </Button>
  );
}
