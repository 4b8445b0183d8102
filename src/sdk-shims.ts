/**
 * Stands in for `@modelcontextprotocol/server/_shims` inside the bundle (scripts/build.mjs points
 * the SDK's runtime shim here). The SDK's Node shim exports Ajv as its default JSON Schema
 * validator and so loads Ajv at every start, though the server only ever validates elicitation
 * forms, which it does with its own FormSchemaValidator (src/server.ts passes it explicitly, so
 * src/ run unbundled behaves the same).
 */
export { FormSchemaValidator as DefaultJsonSchemaValidator } from './form-schema-validator.js';
export { default as process } from 'node:process';
