import { Select } from '@mantine/core';
import { usePutAwayPlaces } from '../api';

/** A zone or slot to put a skid away at. */
export function PlaceSelect({ value, onChange, error, testId = 'skid-place' }: { value: string | null; onChange: (id: string | null) => void; error?: string | null; testId?: string }) {
  const places = usePutAwayPlaces();
  const data = (places.data ?? []).map((l) => ({ value: l.id, label: `${l.path} — ${l.name}` }));
  return (
    <Select label="Zone / slot" placeholder={places.isPending ? 'Loading places…' : 'Pick where the skid goes'} searchable required
      data={data} value={value} onChange={onChange} error={error ?? undefined} nothingFoundMessage="No such zone or slot"
      comboboxProps={{ withinPortal: true }} data-testid={testId} />
  );
}
