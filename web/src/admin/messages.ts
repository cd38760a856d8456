// UI text of the admin console (Chinese first, English switchable), one file per area.
import { authEn, authZh } from '../shared/auth.js';
import { createI18n } from '../shared/i18n.js';
import { errorsEn, errorsZh } from './messages-errors.js';
import { insightsEn, insightsZh } from './messages-insights.js';
import { kbEn, kbZh } from './messages-kb.js';
import { learningEn, learningZh } from './messages-learning.js';

const appZh = {
  'lang.label': '界面语言',
  'app.title': '智达客服管理后台',
  'app.brand': '管理后台',
  'login.title': '管理员登录',
  'login.subtitle': '登录智达客服管理后台',
  'forbidden.title': '需要管理员权限',
  'forbidden.text': '当前账号（{name}）不是管理员，无法管理知识库。',
  'nav.label': '管理功能',
  'nav.kb': '知识库',
  'nav.learning': '学习',
  'nav.customers': '客户',
  'nav.insights': '数据洞察',
  'kb.version': '最新 v{version}',
  'kb.live': '线上 v{version}',
  'kb.noLive': '尚未发布',
  'kb.unpublished': '有未发布的修改',
  'kb.count': '共 {count} 条',
  'kb.loadFailed': '知识库加载失败',
  'kb.retry': '重试',
} as const;

type AppKey = keyof typeof appZh;

const appEn: Record<AppKey, string> = {
  'lang.label': 'Language',
  'app.title': 'Zhida admin',
  'app.brand': 'Admin',
  'login.title': 'Admin sign-in',
  'login.subtitle': 'Sign in to the Zhida admin console',
  'forbidden.title': 'Admin role required',
  'forbidden.text': 'This account ({name}) is not an administrator and cannot manage the knowledge base.',
  'nav.label': 'Admin areas',
  'nav.kb': 'Knowledge base',
  'nav.learning': 'Learning',
  'nav.customers': 'Customers',
  'nav.insights': 'Insights',
  'kb.version': 'Latest v{version}',
  'kb.live': 'Live v{version}',
  'kb.noLive': 'Not published',
  'kb.unpublished': 'Unpublished changes',
  'kb.count': '{count} entries',
  'kb.loadFailed': 'Could not load the knowledge base',
  'kb.retry': 'Retry',
};

const zh = { ...authZh, ...appZh, ...kbZh, ...learningZh, ...insightsZh, ...errorsZh };
export type AdminKey = keyof typeof zh;
const en: Record<AdminKey, string> = {
  ...authEn,
  ...appEn,
  ...kbEn,
  ...learningEn,
  ...insightsEn,
  ...errorsEn,
};

export const { I18nProvider, useI18n } = createI18n<AdminKey>({ 'zh-CN': zh, en });
