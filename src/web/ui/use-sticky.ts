import { useRef } from 'react';

/**
 * The last non-null value: a modal keyed on "the item being edited" keeps showing that item
 * while it animates closed after the item was cleared.
 */
export function useSticky<T>(value: T | null): T | null {
  const last = useRef<T | null>(value);
  if (value !== null) last.current = value;
  return last.current;
}
