// Response headers that close off browser-side attacks on the product's pages. Every response: no MIME
// sniffing, and no full URL (with conversation ids) leaked in the Referer to other sites. Every page the
// product serves runs only its own scripts (a Content-Security-Policy: a message or answer that slipped
// past escaping still could not run code); the staff consoles (/admin, /console) also refuse to be framed
// (clickjacking an agent or admin into a click), while the customer pages stay frameable so a shop can
// embed them. The API docs (/docs: Swagger UI, with inline scripts) are left as the plugin serves them.
import type { FastifyInstance } from 'fastify';

const policy = (...extra: string[]): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style properties through the DOM, which the policy does not govern; no <style> is inline.
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...extra,
  ].join('; ');

/** The customer pages' policy (the widget and demo shop, the transcript check). */
export const CUSTOMER_PAGE_CSP = policy();
/** The staff consoles' policy: the same, and never inside a frame. */
export const STAFF_PAGE_CSP = policy("frame-ancestors 'none'");

const isStaffPage = (url: string): boolean => /^\/(admin|console)(\/|$|\?)/.test(url);
const isDocs = (url: string): boolean => /^\/docs(\/|$|\?)/.test(url);

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (isStaffPage(request.url)) {
      void reply.header('content-security-policy', STAFF_PAGE_CSP);
      void reply.header('x-frame-options', 'DENY');
    } else if (!isDocs(request.url) && /^text\/html/.test(String(reply.getHeader('content-type') ?? ''))) {
      void reply.header('content-security-policy', CUSTOMER_PAGE_CSP);
    }
    return payload;
  });
}
