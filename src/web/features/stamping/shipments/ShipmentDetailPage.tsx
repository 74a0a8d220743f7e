import { PageHeader } from '../../../ui/PageHeader';

export function ShipmentDetailPage({ shipmentId }: { shipmentId: string }) {
  return <PageHeader title={`Shipment ${shipmentId}`} />;
}
