import { useCallback, useState } from 'react';
import { fieldErrorsOf } from '../api/problem';
import { newIdempotencyKey } from '../api/client';
import { notifyError } from './notify';

/**
 * Minimal form state: values, per-field errors (from the API's `errors[].field`), and one
 * Idempotency-Key per submission attempt series, renewed on reset (a retry reuses it).
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);

  const set = useCallback(<K extends keyof T>(field: K, value: T[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      if (!(field as string in e)) return e;
      const { [field as string]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const reset = useCallback((next?: T) => {
    setValues(next ?? initial);
    setErrors({});
    setKey(newIdempotencyKey());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Shows the problem's detail in a notification and its field errors next to the inputs. */
  const fail = useCallback((err: unknown) => {
    setErrors(fieldErrorsOf(err));
    notifyError(err);
  }, []);

  /** Props for a Mantine input bound to `field`. */
  const bind = <K extends keyof T & string>(field: K) => ({
    value: values[field] as never,
    error: errors[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value as T[K]),
  });

  return { values, set, errors, setErrors, reset, fail, bind, idempotencyKey };
}
