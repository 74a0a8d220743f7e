import { PageHeader } from '../../../ui/PageHeader';

/** Production orders: the calendar first, then the list. */
export function OrdersPage() {
  return <PageHeader title="Production orders" />;
}
