import { fieldErrorsOf } from '../../api/problem';
import type { LocationDto } from '../../api/types';

/**
 * Field errors of a one-line stock document, keyed by the form's field names: the API reports
 * `lines.0.qty`, the dialog shows it next to its Quantity input.
 */
export function lineFieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrorsOf(err))) {
    const name = field.replace(/^lines\.\d+\./, '');
    if (!(name in out)) out[name] = message;
  }
  return out;
}

export const locationLabel = (l: Pick<LocationDto, 'code' | 'name'>): string => `${l.code} · ${l.name}`;
