import { describe, expect, it } from 'vitest';
import { CreateItem } from './catalog';

const messages = (input: unknown) => {
  const r = CreateItem.safeParse(input);
  // the first message of each field, as a form shows it
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]).reverse());
};

describe('field messages people read', () => {
  it('say what is missing, too long or out of the choices, in plain words', () => {
    expect(messages({ code: '', kind: 'gadget', attributes: 'size' })).toEqual({
      code: 'required',
      name: 'required',
      kind: 'one of material, product, consumable, service',
      attributes: 'must be an array',
    });
    expect(messages({ code: 'A', name: 'x'.repeat(121), kind: 'material', attributes: [{ attribute: 'size', values: [] }] })).toEqual({
      name: 'at most 120 characters',
      'attributes.0.values': 'at least 1',
    });
  });

  it('leave a schema’s own message alone', () => {
    expect(messages({ code: 'A B', name: 'x', kind: 'material' })).toEqual({ code: 'letters, digits, dot, dash and underscore only' });
  });
});
