/**
 * The request guard: every API request the fake receives is checked against the official TIDAL
 * OpenAPI document, whoever sent it (the server under test, a tool, a helper). A request form the
 * spec does not document is recorded as a violation; test/setup/spec-guard.ts fails the test
 * during which it arrived. Checked: the path and method exist; every query parameter is declared
 * for that operation; `include` paths use the documented options (nested segments: the options of
 * the related resource's own GET, types taken from the fake's store); `sort` and other enum
 * parameters use documented values; a write body validates against the operation's request schema
 * (strict, like oas-conformance). Without the spec file the guard is off (the setup file says so).
 */
import { existsSync, readFileSync } from 'node:fs';

import { OAS_PATH } from '../helpers/environment.js';
import type { Query } from './jsonapi/query.js';
import type { ResourceStore } from './jsonapi/store.js';
import { loadOasValidator, type OasValidator } from './oas-validator.js';

type Json = Record<string, any>;

export interface SpecViolation {
  method: string;
  /** Path and query as received, without /v2. */
  request: string;
  problem: string;
}

interface Operation {
  template: string;
  params: Map<string, Json>;
  includeOptions: string[];
  bodySchema?: string;
}

interface Spec {
  operations: { pattern: RegExp; literal: number; byMethod: Map<string, Operation> }[];
}

const violations: SpecViolation[] = [];
/** A runaway loop must not eat the worker's memory; the first ones are what matters. */
const MAX_RECORDED = 200;

let spec: Spec | null | undefined;
let validator: OasValidator | undefined;

function loadSpec(): Spec | null {
  if (spec !== undefined) return spec;
  if (!existsSync(OAS_PATH)) return (spec = null);
  const oas = JSON.parse(readFileSync(OAS_PATH, 'utf8')) as Json;
  const refParam = (p: Json): Json =>
    typeof p.$ref === 'string'
      ? (oas.components.parameters[p.$ref.split('/').pop() ?? ''] as Json)
      : p;
  const operations: Spec['operations'] = [];
  for (const [template, item] of Object.entries(oas.paths as Json)) {
    const byMethod = new Map<string, Operation>();
    for (const method of ['get', 'post', 'patch', 'delete']) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const params = new Map<string, Json>();
      for (const p of [...((item as Json).parameters ?? []), ...(op.parameters ?? [])]) {
        const resolved = refParam(p);
        if (resolved.in === 'query') params.set(resolved.name, resolved);
      }
      const ref = op.requestBody?.content?.['application/vnd.api+json']?.schema?.$ref as
        string | undefined;
      byMethod.set(method.toUpperCase(), {
        template,
        params,
        includeOptions: options(params.get('include')?.description),
        ...(ref && { bodySchema: ref.split('/').pop() }),
      });
    }
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    operations.push({ pattern, literal: template.replace(/\{[^}]+\}/g, '').length, byMethod });
  }
  // A literal path ("/users/me" if it existed) wins over a template ("/users/{id}").
  operations.sort((a, b) => b.literal - a.literal);
  return (spec = { operations });
}

/** "... Available options: a, b, c" -> [a, b, c]. */
function options(description: unknown): string[] {
  const match = /Available options: ([^.]*)/.exec(
    typeof description === 'string' ? description : '',
  );
  return match?.[1]?.split(',').map((s) => s.trim()) ?? [];
}

function find(method: string, path: string): Operation | string {
  const candidates = (loadSpec()?.operations ?? []).filter((o) => o.pattern.test(path));
  if (candidates.length === 0) return `path ${path} is not in the spec`;
  const op = candidates.map((c) => c.byMethod.get(method)).find(Boolean);
  return op ?? `${method} is not documented for ${path}`;
}

function enumOf(param: Json): string[] | undefined {
  const schema = param.schema as Json | undefined;
  return (schema?.enum ?? schema?.items?.enum) as string[] | undefined;
}

/** The resource type a path starts from ("/albums/1/relationships/items" -> albums). */
function rootType(template: string): string {
  return template.split('/')[1] ?? '';
}

function checkInclude(op: Operation, value: string, store: ResourceStore): string[] {
  const problems: string[] = [];
  for (const path of value.split(',').filter((p) => p !== '')) {
    const segments = path.split('.').map((s) => s.slice(s.indexOf(':') + 1));
    const [first, ...rest] = segments;
    if (!op.includeOptions.includes(first ?? '')) {
      problems.push(`include "${path}": "${first}" is not among ${op.includeOptions.join(', ')}`);
      continue;
    }
    let types = store.relationship(rootType(op.template), first ?? '')?.targets ?? [];
    for (const segment of rest) {
      const allowed = types
        .flatMap((t) => find('GET', `/${t}/x`))
        .flatMap((o) => (typeof o === 'string' ? [] : o.includeOptions));
      if (!allowed.includes(segment)) {
        problems.push(
          `include "${path}": "${segment}" is not a documented include of ${types.join('|')}`,
        );
        break;
      }
      types = types.flatMap((t) => store.relationship(t, segment)?.targets ?? []);
    }
  }
  return problems;
}

function checkQuery(op: Operation, query: Query, store: ResourceStore): string[] {
  const problems: string[] = [];
  for (const [name, values] of Object.entries(query)) {
    const param = op.params.get(name);
    if (!param) {
      problems.push(`query parameter ${name} is not documented for ${op.template}`);
      continue;
    }
    const allowed = enumOf(param);
    for (const value of values) {
      if (name === 'include') problems.push(...checkInclude(op, value, store));
      const list = param.schema?.type === 'array' ? value.split(',') : [value];
      for (const v of list) {
        if (allowed && !allowed.includes(v))
          problems.push(`${name}=${v} is not one of ${allowed.join(', ')}`);
      }
    }
  }
  return problems;
}

function checkBody(op: Operation, body: string): string[] {
  if (body === '') return [];
  if (!op.bodySchema) return [`${op.template} documents no request body`];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return ['the request body is not JSON'];
  }
  validator ??= loadOasValidator(OAS_PATH);
  return validator
    .errors(op.bodySchema, parsed)
    .map((e) => `body ${e.instancePath || '/'} ${e.message ?? ''} (${op.bodySchema})`);
}

/** Checks one request; records and returns its problems (none when the spec is absent). */
export function checkRequest(
  store: ResourceStore,
  request: { method: string; path: string; query: Query; body: string; raw: string },
): string[] {
  if (!loadSpec()) return [];
  const op = find(request.method, request.path);
  const problems =
    typeof op === 'string'
      ? [op]
      : [...checkQuery(op, request.query, store), ...checkBody(op, request.body)];
  for (const problem of problems) {
    if (violations.length < MAX_RECORDED)
      violations.push({ method: request.method, request: request.raw, problem });
  }
  return problems;
}

export function specGuardActive(): boolean {
  return loadSpec() !== null;
}

/** Violations recorded since the last call (a test that probes bad forms on purpose takes them). */
export function takeSpecViolations(): SpecViolation[] {
  return violations.splice(0);
}
