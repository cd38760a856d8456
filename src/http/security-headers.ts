// Response headers that close off browser-side attacks on the product's pages. Every response: no MIME
// sniffing, and no full URL (with conversation ids) leaked in the Referer to other sites. The staff
// consoles (/admin, /console) additionally refuse to be framed (clickjacking an agent or admin into a
// click) and run only the product's own scripts. The customer pages stay frameable, so a shop can embed
// them; the API docs (/docs, Swagger UI with inline scripts) are left as the plugin serves them.
import type { FastifyInstance } from 'fastify';

/** The staff consoles' policy: own scripts, styles and connections; answer images may come from https. */
export const STAFF_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style properties through the DOM, which the policy does not govern; no <style> is inline.
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isStaffPage = (url: string): boolean => /^\/(admin|console)(\/|$|\?|#)/.test(url);

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (isStaffPage(request.url)) {
      void reply.header('content-security-policy', STAFF_PAGE_CSP);
      void reply.header('x-frame-options', 'DENY');
    }
    return payload;
  });
}
