// Who a conversation's customer is, across conversations: the business's own id when the widget or an
// integration passes one, else the phone number; without either the customer is anonymous (null).
import type { CustomerInfo } from '../storage/ports.js';

/** `ext:<externalId>` or `tel:<digits>`, or null. Phones keep only digits (and a leading +) so that
 * "138 0013 8000" and "13800138000" are one customer. */
export function customerKeyOf(customer: CustomerInfo): string | null {
  const external = customer.externalId?.trim();
  if (external) return `ext:${external}`;
  const phone = customer.phone ? normalizePhone(customer.phone) : '';
  return phone ? `tel:${phone}` : null;
}

export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return '';
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

/** What the key URL parameter must look like (the API refuses anything else before a query runs). */
export const CUSTOMER_KEY_PATTERN = '^(ext:\\S.{0,199}|tel:\\+?[0-9]{3,20})$';
