// Security headers on a real server: staff consoles refuse framing and foreign scripts; every response
// forbids MIME sniffing and keeps full URLs out of other sites' Referer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_PAGE_CSP, STAFF_PAGE_CSP } from './security-headers.js';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('security headers', () => {
  it('the admin and agent consoles may not be framed and run only their own scripts', async () => {
    for (const url of ['/admin', '/admin/', '/console', '/console/?x=1']) {
      const res = await server.json('GET', url);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['content-security-policy'], url).toBe(STAFF_PAGE_CSP);
    }
    expect(STAFF_PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(STAFF_PAGE_CSP).toContain("script-src 'self'");
  });

  it('the customer pages run only their own scripts but may be framed; no response may be MIME-sniffed', async () => {
    for (const url of ['/', '/verify/']) {
      const page = await server.json('GET', url);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy'], url).toBe(CUSTOMER_PAGE_CSP);
      expect(page.headers['x-frame-options'], url).toBeUndefined();
    }
    expect(CUSTOMER_PAGE_CSP).toContain("script-src 'self'");
    expect(CUSTOMER_PAGE_CSP).not.toContain('frame-ancestors');
    const conversation = await server.json('POST', '/api/v1/conversations', {});
    for (const res of [await server.json('GET', '/'), await server.json('GET', '/healthz'), conversation]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options']).toBeUndefined();
    }
    expect((await server.json('GET', '/healthz')).headers['content-security-policy']).toBeUndefined();
    // A path that merely starts like a console is not one.
    expect((await server.json('GET', '/administrator')).headers['x-frame-options']).toBeUndefined();
    expect((await server.json('GET', '/api/admin/kb')).headers['x-content-type-options']).toBe('nosniff');
  });
});
