import { z } from 'zod';

/**
 * Plain messages for the checks every schema shares, where a schema gives none of its own: the
 * API returns them next to each field, and people read them (zod's own read "Too small: expected
 * string to have >=1 characters").
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'required' : `must be ${article(issue.expected)}`;
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : `at least ${issue.minimum} characters`;
        if (issue.origin === 'array' || issue.origin === 'set') return `at least ${issue.minimum}`;
        return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
      case 'too_big':
        if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
        if (issue.origin === 'array' || issue.origin === 'set') return `at most ${issue.maximum}`;
        return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
      case 'invalid_value':
        return issue.values.length === 1 ? `must be ${String(issue.values[0])}` : `one of ${issue.values.map(String).join(', ')}`;
      default:
        return undefined;
    }
  },
});

function article(expected: string): string {
  if (expected === 'object' || expected === 'array') return `an ${expected}`;
  if (expected === 'string') return 'text';
  return `a ${expected}`;
}
