import { PageHeader } from '../../../ui/PageHeader';

export function OrderDetailPage({ poId }: { poId: string }) {
  return <PageHeader title={`Production order ${poId}`} />;
}
