// The server's errors in the admin's language: each text the server names by its reason comes from the
// one catalogue both sides share (src/error-texts.ts: Chinese and English); an error without a reason
// (a schema check, a network failure) gets its code's sentence, with the server's own words after it.
import { ERROR_TEXTS, type ErrorReason } from '../../../src/error-texts.js';
import type { ErrorCode } from '../../../src/errors.js';

type ReasonKey = `err.${ErrorReason}`;

const reasons = (language: 'zh' | 'en') =>
  Object.fromEntries(
    Object.entries(ERROR_TEXTS).map(([reason, texts]) => [`err.${reason}`, texts[language]]),
  ) as Record<ReasonKey, string>;

const codesZh = {
  'errcode.BAD_REQUEST': '请求内容有误',
  'errcode.INVALID_KB': '知识库内容有误',
  'errcode.UNAUTHORIZED': '请先登录',
  'errcode.FORBIDDEN': '没有执行此操作的权限',
  'errcode.NOT_FOUND': '找不到要操作的内容',
  'errcode.CONFLICT': '与已有内容冲突',
  'errcode.INVALID_STATE': '当前状态下不能这样操作',
  'errcode.PUBLISH_BLOCKED': '发布被回归用例拦截',
  'errcode.PRECONDITION_FAILED': '内容已被他人修改',
  'errcode.PAYLOAD_TOO_LARGE': '文件或内容太大',
  'errcode.RATE_LIMITED': '操作太频繁，请稍后再试',
  'errcode.INTERNAL': '服务器出错了，请稍后再试',
  'errcode.UNAVAILABLE': '服务暂时不可用，请稍后再试',
  'errcode.network': '网络连接失败，请检查网络后重试',
} as const satisfies Record<`errcode.${ErrorCode | 'network'}`, string>;

type CodeKey = keyof typeof codesZh;

const codesEn: Record<CodeKey, string> = {
  'errcode.BAD_REQUEST': 'The request is not valid',
  'errcode.INVALID_KB': 'The knowledge base content is not valid',
  'errcode.UNAUTHORIZED': 'Please sign in',
  'errcode.FORBIDDEN': 'You may not do this',
  'errcode.NOT_FOUND': 'Not found',
  'errcode.CONFLICT': 'This conflicts with what exists',
  'errcode.INVALID_STATE': 'Not possible in the current state',
  'errcode.PUBLISH_BLOCKED': 'The regression cases blocked the publish',
  'errcode.PRECONDITION_FAILED': 'Someone else changed this meanwhile',
  'errcode.PAYLOAD_TOO_LARGE': 'The file or content is too large',
  'errcode.RATE_LIMITED': 'Too many requests; try again shortly',
  'errcode.INTERNAL': 'Server error; try again shortly',
  'errcode.UNAVAILABLE': 'The service is unavailable; try again shortly',
  'errcode.network': 'Network error; check the connection and retry',
};

export const errorsZh = { ...reasons('zh'), ...codesZh };
export type ErrorKey = keyof typeof errorsZh;
export const errorsEn: Record<ErrorKey, string> = { ...reasons('en'), ...codesEn };

export const isReason = (key: string): key is ErrorReason => key in ERROR_TEXTS;
export const isCode = (code: string): code is ErrorCode | 'network' => `errcode.${code}` in codesZh;
