// UI text of the transcript verify page (Chinese first, English switchable).
import { createI18n } from '../shared/i18n.js';

const zh = {
  'lang.label': '界面语言',
  'page.title': '聊天记录检验',
  'page.intro':
    '从客服窗口下载的聊天记录（JSON 签名版）带有数字签名。把文件放到这里，就能知道它是否完整、有没有被改动过。文件只用于检验，不会保存。',
  'drop.label': '选择聊天记录文件（JSON）',
  'drop.hint': '也可以把文件拖到这个框里',
  'drop.choose': '选择文件',
  busy: '正在检验…',
  'error.notJson': '这个文件不是 JSON 格式的聊天记录，请选择“下载 JSON（签名版）”得到的文件。',
  'error.failed': '检验没有完成，请稍后再试。',
  'result.file': '文件：{name}',
  'result.intact': '记录完整：签名有效，没有发现任何改动。',
  'result.broken': '记录不完整：发现 {count} 处问题，这份文件被改动过或不完整。',
  'result.messages': '共 {count} 条消息',
  'result.problems': '发现的问题',
  'fp.title': '签名公钥指纹',
  'fp.file': '文件的签名指纹',
  'fp.published': '本站公布的指纹',
  'fp.none': '（无）',
  'fp.match': '一致：这份记录由本站签发。',
  'fp.mismatch': '不一致：这份记录不是由本站的密钥签发的。',
  'fp.help': '您也可以把这个指纹与商家在其他渠道公布的指纹对照。',
  back: '返回商城',
} as const;

export type VerifyKey = keyof typeof zh;

const en: Record<VerifyKey, string> = {
  'lang.label': 'Language',
  'page.title': 'Check a chat record',
  'page.intro':
    'The chat record you download from the chat window (the signed JSON) carries a digital signature. Put the file here to learn whether it is complete and unaltered. The file is only checked, never stored.',
  'drop.label': 'Choose a chat record file (JSON)',
  'drop.hint': 'or drop the file into this box',
  'drop.choose': 'Choose file',
  busy: 'Checking…',
  'error.notJson': 'This file is not a JSON chat record. Please use the file from “Download JSON (signed)”.',
  'error.failed': 'The check did not complete, please try again.',
  'result.file': 'File: {name}',
  'result.intact': 'Intact: the signature is valid and nothing was changed.',
  'result.broken': 'Not intact: {count} problem(s) found; this file was altered or is incomplete.',
  'result.messages': '{count} messages',
  'result.problems': 'Problems found',
  'fp.title': 'Signing key fingerprint',
  'fp.file': 'Fingerprint in the file',
  'fp.published': 'Fingerprint this site publishes',
  'fp.none': '(none)',
  'fp.match': 'They match: this record was signed by this site.',
  'fp.mismatch': 'They differ: this record was not signed with this site’s key.',
  'fp.help': 'You can also compare it with the fingerprint the business publishes elsewhere.',
  back: 'Back to the shop',
};

export const { I18nProvider, useI18n } = createI18n<VerifyKey>({ 'zh-CN': zh, en });
