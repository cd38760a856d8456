// A failed request as the admin reads it, in the console's language: the text of the server's reason
// (Chinese first, English when switched), else the code's sentence followed by the server's own words.
import { ApiError, describeError } from '../shared/api.js';
import type { ImportProblem } from './admin-types.js';
import { isCode, isReason } from './messages-errors.js';
import { useI18n } from './messages.js';

export function useErrorText() {
  const { t, locale } = useI18n();
  const separator = locale === 'zh-CN' ? '：' : ': ';
  /** The text of a reason the server named, or null when it named none (or one this console does not know). */
  const reasonText = (reason?: string, params?: Record<string, string | number>) =>
    reason && isReason(reason) ? t(`err.${reason}`, params) : null;

  /** One problem of a refused file or entry (its row, line or entry is shown beside it). */
  const problemText = (p: ImportProblem) => reasonText(p.reason, p.params) ?? p.message;

  const errorText = (error: unknown): string => {
    if (!(error instanceof ApiError)) return describeError(error);
    const known = reasonText(error.reason?.key, error.reason?.params);
    if (known) return known;
    const code = error.status === 0 ? 'network' : error.code;
    if (!isCode(code)) return describeError(error);
    // The entry editor's refusals list their fields' problems: those say more than the summary.
    const problems = Array.isArray(error.details)
      ? (error.details as ImportProblem[]).filter((p) => typeof p?.message === 'string')
      : [];
    const detail =
      problems.length > 0
        ? problems
            .map((p) => (p.field ? `${p.field}${separator}${problemText(p)}` : problemText(p)))
            .join('; ')
        : error.message;
    return `${t(`errcode.${code}`)}${separator}${detail}`;
  };

  return { errorText, problemText, reasonText };
}
