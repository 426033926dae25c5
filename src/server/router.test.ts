import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from './http-error.js';
import { Router } from './router.js';

const ok = () => ({ status: 200, type: 'text/plain', body: '' });

describe('router', () => {
  const r = new Router().get('/api/actors', ok).get('/api/actors/:id', ok).post('/api/ingest', ok);

  it('matches exact paths and decodes path parameters', () => {
    assert.deepEqual(r.match('GET', '/api/actors').params, {});
    assert.deepEqual(r.match('GET', '/api/actors/kb%3Aana-ferreira').params, { id: 'kb:ana-ferreira' });
    assert.deepEqual(r.match('HEAD', '/api/actors/x').params, { id: 'x' });
  });

  it('answers 404 for unknown paths and 405 with the allowed methods for a wrong one', () => {
    assert.throws(() => r.match('GET', '/api/nothing'), (e: unknown) => e instanceof HttpError && e.status === 404);
    assert.throws(() => r.match('GET', '/api/ingest'), (e: unknown) => e instanceof HttpError && e.status === 405 && e.headers.Allow === 'POST');
  });

  it('refuses malformed percent-encoding with a 400', () => {
    assert.throws(() => r.match('GET', '/api/actors/%E0%A4%A'), (e: unknown) => e instanceof HttpError && e.status === 400);
  });
});
