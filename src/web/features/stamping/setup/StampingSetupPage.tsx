import { PageHeader } from '../../../ui/PageHeader';

/** Brands, products, tax regions and consignees. */
export function StampingSetupPage() {
  return <PageHeader title="Stamping setup" />;
}
