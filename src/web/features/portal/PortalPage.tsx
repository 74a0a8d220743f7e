import { PageHeader } from '../../ui/PageHeader';

/** The customer portal: own shipments, production orders, requests and outbounds. */
export function PortalPage() {
  return <PageHeader title="Portal" />;
}
