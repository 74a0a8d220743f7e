import { PageHeader } from '../../../ui/PageHeader';

/** Four-eyes verification of a production order. */
export function VerifyPage({ poId }: { poId: string }) {
  return <PageHeader title={`Verify ${poId}`} />;
}
