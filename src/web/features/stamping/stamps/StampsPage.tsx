import { PageHeader } from '../../../ui/PageHeader';

/** Stamp stock per region and stamp orders. */
export function StampsPage() {
  return <PageHeader title="Stamp inventory" />;
}
