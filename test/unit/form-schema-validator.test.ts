import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';

import { formMismatch, FormSchemaValidator } from '../../src/form-schema-validator.js';
import { ConfirmSchema } from '../../src/tools/shared/elicitation.js';

const FORM = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 5 },
    mail: { type: 'string', format: 'email' },
    site: { type: 'string', format: 'uri' },
    day: { type: 'string', format: 'date' },
    size: { type: 'string', enum: ['S', 'M'] },
    tier: { type: 'string', oneOf: [{ const: 'free', title: 'Free' }, { const: 'hifi' }] },
    count: { type: 'integer', minimum: 1, maximum: 3 },
    ratio: { type: 'number' },
    ok: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 2 },
    // A titled multi-select: its items name no type.
    moods: { type: 'array', items: { anyOf: [{ const: 'calm', title: 'Calm' }] } },
  },
  required: ['ok'],
};

describe('FormSchemaValidator (elicitation answers)', () => {
  it('accepts an answer that fits every field, and returns it as the data', () => {
    const answer = {
      name: 'Björk',
      mail: 'a@b.co',
      site: 'https://tidal.com/album/1',
      day: '2026-11-30',
      size: 'M',
      tier: 'hifi',
      count: 3,
      ratio: 0.5,
      ok: true,
      tags: ['a', 'b'],
      moods: ['calm'],
    };
    const result = new FormSchemaValidator().getValidator(FORM)(answer);
    expect(result).toEqual({ valid: true, data: answer, errorMessage: undefined });
  });

  it.each([
    [{}, 'ok: is required'],
    [{ ok: 'yes' }, 'ok: must be a boolean'],
    [{ ok: true, name: 'x' }, 'name: must have at least 2 characters'],
    [{ ok: true, name: 'toolong' }, 'name: must have at most 5 characters'],
    [{ ok: true, mail: 'nobody' }, 'mail: must be a valid email'],
    [{ ok: true, site: 'not a url' }, 'site: must be a valid uri'],
    [{ ok: true, day: '2026-13-45' }, 'day: must be a valid date'],
    [{ ok: true, size: 'XL' }, 'size: must be one of ["S","M"]'],
    [{ ok: true, tier: 'max' }, 'tier: must be one of ["free","hifi"]'],
    [{ ok: true, count: 1.5 }, 'count: must be an integer'],
    [{ ok: true, count: 4 }, 'count: must be at most 3'],
    [{ ok: true, count: 0 }, 'count: must be at least 1'],
    [{ ok: true, ratio: '1' }, 'ratio: must be a number'],
    [{ ok: true, tags: ['c'] }, 'tags: has an item that must be one of ["a","b"]'],
    [{ ok: true, tags: ['a', 'a', 'b'] }, 'tags: must have at most 2 items'],
    [{ ok: true, moods: ['loud'] }, 'moods: has an item that must be one of ["calm"]'],
    [null, 'the answer must be an object'],
    [['ok'], 'the answer must be an object'],
  ])('refuses %j: %s', (answer, reason) => {
    const result = new FormSchemaValidator().getValidator(FORM)(answer);
    expect(result).toEqual({ valid: false, data: undefined, errorMessage: reason });
  });

  it('ignores fields the form does not name unless additionalProperties is false', () => {
    expect(formMismatch({ ok: true, extra: 1 }, FORM)).toBeUndefined();
    expect(formMismatch({ ok: true, extra: 1 }, { ...FORM, additionalProperties: false })).toBe(
      'extra: is not a field of the form',
    );
  });

  it('refuses schemas a form cannot be, rather than passing anything', () => {
    expect(formMismatch({}, { type: 'array' })).toBe(
      'the requested schema is not a form (type "object")',
    );
    expect(
      formMismatch({ a: { b: 1 } }, { type: 'object', properties: { a: { type: 'object' } } }),
    ).toBe('a: has a type a form cannot ask for ("object")');
  });

  it("checks the server's own confirmation form as the client receives it", () => {
    const schema = z.toJSONSchema(ConfirmSchema) as Record<string, unknown>;
    expect(formMismatch({ confirm: true }, schema)).toBeUndefined();
    expect(formMismatch({ confirm: false }, schema)).toBeUndefined();
    expect(formMismatch({}, schema)).toBe('confirm: is required');
    expect(formMismatch({ confirm: 'yes' }, schema)).toBe('confirm: must be a boolean');
  });
});
