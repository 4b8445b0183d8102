/**
 * Validates fake responses against the official OpenAPI document with ajv. OAS 3.0 is not
 * JSON Schema, so the document is adapted first (on a copy, never on disk):
 * - `nullable: true` becomes a union with 'null';
 * - `discriminator` + `mapping` (the `Included` array) becomes if/then per mapped type, because
 *   a plain `oneOf` over ~60 resource objects that only require {id,type} matches several at once;
 * - STRICT: object schemas get `additionalProperties: false` (the OAS sets it nowhere), so an
 *   undeclared attribute or a misspelt field in the fake fails instead of passing silently.
 *   The DefaultNNNResponseBody schemas are left open: their items declare only status/detail,
 *   while TIDAL's real errors also carry code/source (Error_Object), checked separately.
 */
import { readFileSync } from 'node:fs';

import { Ajv, type ErrorObject } from 'ajv';
import formatsModule from 'ajv-formats';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => adapt(n));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = adapt(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
  }
  const disc = out.discriminator;
  if (isObject(disc) && isObject(disc.mapping) && typeof disc.propertyName === 'string') {
    const prop = disc.propertyName;
    const mapping = disc.mapping as Record<string, string>;
    delete out.discriminator;
    delete out.oneOf;
    Object.assign(out, {
      type: 'object',
      required: [prop],
      properties: {
        ...(out.properties as Json | undefined),
        [prop]: { enum: Object.keys(mapping) },
      },
      allOf: Object.entries(mapping).map(([value, ref]) => ({
        if: { properties: { [prop]: { const: value } } },
        then: { $ref: ref },
      })),
    });
  } else if (isObject(disc)) {
    delete out.discriminator;
  }
  return out;
}

function closeObjects(schemas: Json): void {
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema) || /^Default\d+ResponseBody$/.test(name)) continue;
    const composed = 'allOf' in schema || 'oneOf' in schema || 'anyOf' in schema;
    if (schema.type === 'object' && isObject(schema.properties) && !composed) {
      schema.additionalProperties ??= false;
    }
  }
}

export interface OasValidator {
  /** Returns ajv errors (empty = valid) for `body` against components.schemas.<name>. */
  errors(schemaName: string, body: unknown): ErrorObject[];
  /** The schema a documented response uses, e.g. ('/albums/{id}', 'get', '200'). */
  responseSchemaName(path: string, method: string, status: string): string;
}

export function loadOasValidator(file: string): OasValidator {
  const oas = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const adapted = adapt(oas) as Json;
  const components = adapted.components as Json;
  closeObjects(components.schemas as Json);
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  const addFormats = formatsModule as unknown as { default: (a: Ajv) => Ajv };
  addFormats.default(ajv);
  ajv.addSchema({ ...adapted, $id: 'oas' });
  const responses = components.responses as Record<string, Json>;
  return {
    errors(name, body) {
      const validate = ajv.getSchema(`oas#/components/schemas/${name}`);
      if (!validate) throw new Error(`no schema ${name} in the OAS`);
      return validate(body) ? [] : [...(validate.errors ?? [])];
    },
    responseSchemaName(path, method, status) {
      const op = ((adapted.paths as Json)[path] as Json)[method] as Json;
      let response = (op.responses as Record<string, Json>)[status]!;
      if (typeof response.$ref === 'string') response = responses[response.$ref.split('/').pop()!]!;
      const content = (response.content as Json)['application/vnd.api+json'] as Json;
      return String((content.schema as Json).$ref)
        .split('/')
        .pop()!;
    },
  };
}
