import { useCallback, useRef, useState } from 'react';
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

  // the fields this form shows errors beside (through `bind` or `errorOf`)
  const shown = useRef(new Set<string>());

  /**
   * Shows field errors next to their inputs. The problem is also announced in a notification unless
   * every error is beside a field the form shows: a notification then says nothing new, and would
   * sit over the dialog's buttons.
   */
  const failWith = useCallback((fieldErrors: Record<string, string>, err: unknown) => {
    setErrors(fieldErrors);
    const fields = Object.keys(fieldErrors);
    if (fields.length === 0 || fields.some((f) => !shown.current.has(f))) notifyError(err);
  }, []);

  const fail = useCallback((err: unknown) => failWith(fieldErrorsOf(err), err), [failWith]);

  /** Props for a Mantine input bound to `field`. */
  const bind = <K extends keyof T & string>(field: K) => {
    shown.current.add(field);
    return {
      value: values[field] as never,
      error: errors[field],
      onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value as T[K]),
    };
  };

  /** The error of a field the form shows beside an input not wired through `bind`. */
  const errorOf = (field: string): string | undefined => {
    shown.current.add(field);
    return errors[field];
  };

  return { values, set, errors, setErrors, reset, fail, failWith, bind, errorOf, idempotencyKey };
}
