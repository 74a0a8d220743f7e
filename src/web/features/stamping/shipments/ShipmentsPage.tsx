import { PageHeader } from '../../../ui/PageHeader';

export function ShipmentsPage() {
  return <PageHeader title="Shipments" />;
}
