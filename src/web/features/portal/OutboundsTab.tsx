import { QueryState } from '../../ui/QueryState';
import { OutboundsTable } from '../stamping/outbounds/OutboundsTable';
import { usePortalOutbounds } from './api';

/** What left the plant for this customer: one outbound per completion day, with its orders. */
export function OutboundsTab() {
  const outbounds = usePortalOutbounds();
  return (
    <QueryState pending={outbounds.isPending} error={outbounds.error}>
      <OutboundsTable rows={outbounds.data ?? []} testId="portal-outbounds" />
    </QueryState>
  );
}
