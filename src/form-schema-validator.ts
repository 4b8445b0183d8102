/**
 * The JSON Schema validator the SDK applies to a user's answer to a form elicitation it sends
 * itself (Server.elicitInput; the confirmations in src/tools/shared/elicitation.ts are checked
 * with their zod schema instead, so today nothing here runs in a tool call). MCP allows
 * only flat forms there (an object of string, number, integer, boolean and enum fields), so this
 * small validator covers the whole of what a form may ask, and the SDK's default (Ajv with its
 * formats, about 210 KB of the bundle and 10–15 ms of every start) stays out of the server: the
 * build points the SDK's runtime shim at src/sdk-shims.ts. A schema outside the form subset is
 * refused with a message, never waved through.
 */
import type {
  JsonSchemaType,
  JsonSchemaValidator,
  jsonSchemaValidator,
  JsonSchemaValidatorResult,
} from '@modelcontextprotocol/server';

type Schema = Record<string, unknown>;

const FORMATS: Record<string, (value: string) => boolean> = {
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  uri: (v) => URL.canParse(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
};

/** The allowed values of an enum field: `enum`, or `oneOf`/`anyOf` of `{ const }`. */
function allowedValues(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as unknown[];
  const options = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(options)) return undefined;
  return options.map((option: unknown) => (option as Schema | null)?.const);
}

function checkString(value: string, schema: Schema): string | undefined {
  const allowed = allowedValues(schema);
  if (allowed && !allowed.includes(value)) return `must be one of ${JSON.stringify(allowed)}`;
  if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) {
    return `must have at least ${schema.minLength} characters`;
  }
  if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) {
    return `must have at most ${schema.maxLength} characters`;
  }
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format && !format(value)) return `must be a valid ${String(schema.format)}`;
  return undefined;
}

function checkNumber(value: number, schema: Schema): string | undefined {
  if (schema.type === 'integer' && !Number.isInteger(value)) return 'must be an integer';
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    return `must be at least ${schema.minimum}`;
  }
  if (typeof schema.maximum === 'number' && value > schema.maximum) {
    return `must be at most ${schema.maximum}`;
  }
  return undefined;
}

/** Why `value` does not fit the field's schema; undefined when it does. */
function checkField(value: unknown, schema: Schema): string | undefined {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? checkString(value, schema) : 'must be a string';
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value)
        ? checkNumber(value, schema)
        : `must be ${schema.type === 'integer' ? 'an integer' : 'a number'}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      if (!Array.isArray(value)) return 'must be an array';
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
        return `must have at least ${schema.minItems} items`;
      }
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
        return `must have at most ${schema.maxItems} items`;
      }
      const reasons = value.map((item) => checkField(item, items)).filter(Boolean);
      return reasons.length ? `has an item that ${reasons[0]!}` : undefined;
    }
    default: {
      // The items of a titled multi-select name no type: `{ anyOf: [{ const, title }] }`.
      const allowed = schema.type === undefined ? allowedValues(schema) : undefined;
      if (allowed) {
        return allowed.includes(value) ? undefined : `must be one of ${JSON.stringify(allowed)}`;
      }
      return `has a type a form cannot ask for (${JSON.stringify(schema.type)})`;
    }
  }
}

/** The first reason `input` does not fit the form `schema`, or undefined. */
export function formMismatch(input: unknown, schema: Schema): string | undefined {
  if (schema.type !== 'object') return 'the requested schema is not a form (type "object")';
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return 'the answer must be an object';
  }
  const answer = input as Record<string, unknown>;
  const fields = (schema.properties ?? {}) as Record<string, Schema>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const name of required) {
    if (answer[name] === undefined) return `${name}: is required`;
  }
  for (const [name, value] of Object.entries(answer)) {
    const field = fields[name];
    if (field === undefined) {
      if (schema.additionalProperties === false) return `${name}: is not a field of the form`;
      continue;
    }
    const reason = checkField(value, field);
    if (reason) return `${name}: ${reason}`;
  }
  return undefined;
}

export class FormSchemaValidator implements jsonSchemaValidator {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    return (input): JsonSchemaValidatorResult<T> => {
      const reason = formMismatch(input, schema);
      return reason === undefined
        ? { valid: true, data: input as T, errorMessage: undefined }
        : { valid: false, data: undefined, errorMessage: reason };
    };
  }
}
