/**
 * Fails the test during which any request reached the fake TIDAL in a form the TIDAL OpenAPI
 * document does not describe (test/fake-tidal/spec-guard.ts). Runs in every test file of both
 * projects. A test that sends such a request on purpose takes it with takeSpecViolations().
 */
import { afterAll, afterEach } from 'vitest';

import { specGuardActive, takeSpecViolations } from '../fake-tidal/spec-guard.js';
import { specRequirement } from '../helpers/environment.js';

if (!specGuardActive()) specRequirement('the request spec guard (every request vs the TIDAL OAS)');

function assertNone(when: string): void {
  const found = takeSpecViolations();
  if (found.length === 0) return;
  const list = found.map((v) => `- ${v.method} ${v.request}: ${v.problem}`).join('\n');
  throw new Error(`${when}, requests the TIDAL OAS does not document reached the fake:\n${list}`);
}

afterEach(() => assertNone('During this test'));
afterAll(() => assertNone('In this file (outside a test)'));
