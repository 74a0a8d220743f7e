import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/problem';
import { useForm } from '../../../ui/use-form';
import { lineFieldErrors } from '../line-errors';
import type { KeyValue } from './StockKeyFields';

/** The item a stock dialog is about. */
export interface ItemRef {
  id: string;
  code: string;
  name: string;
  uom: string;
}

export const blankKey = (itemId: string | null): KeyValue => ({ itemId, variantId: null, locationId: null, lotId: null, grade: 'good' });

/**
 * Form state of a one-line stock dialog: the key pickers patch several fields at once, field
 * errors come back as `lines.0.x`, and a refusal that is not about a field (409: not enough
 * stock) is kept to show in the dialog itself.
 */
export function useKeyForm<T extends KeyValue & Record<string, unknown>>(initial: T) {
  const form = useForm(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const { set } = form;

  const patchKey = useCallback(
    (patch: Partial<KeyValue>) => {
      for (const [field, value] of Object.entries(patch)) set(field as keyof T, value as T[keyof T]);
      setProblem(null);
    },
    [set],
  );

  const fail = useCallback(
    (err: unknown) => {
      const inDialog = err instanceof ApiError && err.status !== 422 ? err.humanMessage : null;
      setProblem(inDialog);
      // a refusal the dialog shows itself needs no notification on top
      if (inDialog) form.setErrors(lineFieldErrors(err));
      else form.failWith(lineFieldErrors(err), err);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const reset = (next: T) => {
    form.reset(next);
    setProblem(null);
  };

  return { ...form, patchKey, fail, problem, reset };
}
