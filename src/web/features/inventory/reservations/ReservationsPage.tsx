import { useState } from 'react';
import { Button, Card, Group, SegmentedControl } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import type { ReservationDto } from '../../../api/types';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { LoadMore } from '../../../ui/LoadMore';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { newIdempotencyKey } from '../../../api/client';
import { useReleaseReservation, useReservations } from '../api/reservations';
import { formatDecimal } from '../decimal';
import { RESERVATION_FILTERS } from '../options';
import { InventoryTabs } from '../InventoryTabs';
import { ConsumeModal } from './ConsumeModal';
import { ReservationsTable } from './ReservationsTable';
import { ReserveModal } from './ReserveModal';

/** Stock held for a purpose: reserve it, then issue it (consume) or give it back (release). */
export function ReservationsPage() {
  const can = useCan();
  const [status, setStatus] = useState('active');
  const reservations = useReservations({ status: status === 'all' ? undefined : (status as ReservationDto['status']) });
  const release = useReleaseReservation();
  const [reserving, setReserving] = useState(false);
  const [releasing, setReleasing] = useState<ReservationDto | null>(null);
  // one release per confirmation asked: a second click replays the first one's answer
  const [releaseKey, setReleaseKey] = useState(newIdempotencyKey);
  const askRelease = (r: ReservationDto) => {
    setReleaseKey(newIdempotencyKey());
    setReleasing(r);
  };
  const [consuming, setConsuming] = useState<ReservationDto | null>(null);
  const rows = reservations.data?.pages.flatMap((p) => p.items) ?? [];
  const canPost = can('inventory.post');

  const confirmRelease = () => {
    if (!releasing) return;
    release.mutate(
      { id: releasing.id, key: releaseKey },
      {
        onSuccess: (r) => {
          notifySuccess(`Released ${formatDecimal(r.released)} of ${releasing.variantCode}.`);
          setReleasing(null);
        },
        onError: (err) => notifyError(err, 'Not released'),
      },
    );
  };

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Reservations hold stock for an order or job: others cannot issue it until it is consumed, released or expires."
        actions={
          canPost && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setReserving(true)} data-testid="new-reservation">
              Reserve
            </Button>
          )
        }
      />
      <InventoryTabs />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md">
          <SegmentedControl data={RESERVATION_FILTERS} value={status} onChange={setStatus} data-testid="reservation-status-filter" />
        </Group>
        <QueryState pending={reservations.isPending} error={reservations.error}>
          <ReservationsTable rows={rows} actions={canPost} onRelease={askRelease} onConsume={setConsuming} empty={status === 'active' ? 'No active reservations.' : 'No reservations match.'} />
          <LoadMore hasMore={reservations.hasNextPage} loading={reservations.isFetchingNextPage} onLoad={() => void reservations.fetchNextPage()} testId="reservations-more" />
        </QueryState>
      </Card>
      {canPost && (
        <>
          <ReserveModal opened={reserving} onClose={() => setReserving(false)} />
          <ConsumeModal reservation={consuming} onClose={() => setConsuming(null)} />
          <ConfirmModal
            opened={releasing !== null}
            title="Release reservation"
            confirmLabel="Release"
            color="orange"
            loading={release.isPending}
            onConfirm={confirmRelease}
            onClose={() => setReleasing(null)}
          >
            {releasing && `${formatDecimal(releasing.remaining)} of ${releasing.variantCode} at ${releasing.locationCode} become available to others again.`}
          </ConfirmModal>
        </>
      )}
    </>
  );
}
