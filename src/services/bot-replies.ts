// What the bot says for each decision, in the customer's language. Every reply leaves a way to a person:
// the widget's 人工客服 button is always on screen, and handoff replies say what happens next.
import type { BotTurn, HandoffReason } from '../domain/bot-turn.js';
import type { KbEntry } from '../engine/types.js';

type Lang = 'zh' | 'en';
export const langOf = (locale: string): Lang => (locale.toLowerCase().startsWith('en') ? 'en' : 'zh');

const HANDOFF_TEXT: Record<HandoffReason, Record<Lang, string>> = {
  'customer-request': {
    zh: '好的，正在为您转接人工客服，请稍候。',
    en: 'Sure — connecting you to a human agent now.',
  },
  button: { zh: '好的，正在为您转接人工客服，请稍候。', en: 'Sure — connecting you to a human agent now.' },
  anger: {
    zh: '非常抱歉给您带来了不好的体验，正在为您优先转接人工客服处理。',
    en: 'We are very sorry for the trouble. Connecting you to a human agent with priority.',
  },
  'legal-threat': {
    zh: '您的诉求我们非常重视，已为您转接人工客服专人处理。',
    en: 'We take this seriously — a human agent will handle your case personally.',
  },
  complaint: {
    zh: '您的投诉我们一定认真处理，已为您转接人工客服专人跟进。',
    en: 'Your complaint will be followed up — connecting you to a human agent.',
  },
  sensitive: {
    zh: '这件事需要专人处理，已为您优先转接人工客服，请稍候。',
    en: 'This needs a person — connecting you to a human agent with priority.',
  },
  'clarify-rejected': {
    zh: '抱歉没能理解您的问题，正在为您转接人工客服。',
    en: "Sorry I couldn't find the right answer — connecting you to a human agent.",
  },
  'repeated-misses': {
    zh: '抱歉没能帮到您，正在为您转接人工客服。',
    en: "Sorry I couldn't help — connecting you to a human agent.",
  },
  'out-of-scope': {
    zh: '这个问题我不太确定，为避免答错，正在为您转接人工客服。',
    en: "I'm not sure about this one — rather than guess, I'm connecting you to a person.",
  },
  'low-confidence': {
    zh: '这个问题我不太确定，为避免答错，正在为您转接人工客服。',
    en: "I'm not sure about this one — rather than guess, I'm connecting you to a person.",
  },
  'care-mode': {
    zh: '正在为您优先转接人工客服，请稍候。',
    en: 'Connecting you to a human agent with priority.',
  },
};

export function handoffText(reason: HandoffReason, locale: string): string {
  return HANDOFF_TEXT[reason][langOf(locale)];
}

export function greetingText(shopName: string, locale: string): string {
  return langOf(locale) === 'en'
    ? `Hello! I'm the ${shopName || 'shop'} assistant. Ask me anything; press "Human agent" at any time to talk to a person.`
    : `您好！我是${shopName || ''}智能助手，请直接描述您的问题；随时点击“人工客服”可转接真人。`;
}

export const systemText = {
  queued: (locale: string) =>
    langOf(locale) === 'en' ? 'You are in the queue for a human agent.' : '已进入人工客服排队。',
  assigned: (name: string, locale: string) =>
    langOf(locale) === 'en' ? `${name} has joined the chat.` : `客服 ${name} 已接入，为您服务。`,
  resolved: (locale: string) =>
    langOf(locale) === 'en' ? 'This conversation has ended.' : '本次服务已结束，感谢您的耐心。',
};

export function botReplyText(turn: BotTurn, entries: ReadonlyMap<string, KbEntry>, locale: string): string {
  const lang = langOf(locale);
  if (turn.decision === 'answer' && turn.entryId) return entries.get(turn.entryId)?.answer ?? '';
  if (turn.decision === 'handoff') return handoffText(turn.handoffReason ?? 'low-confidence', locale);
  if (turn.candidates.length === 0) {
    return lang === 'en'
      ? "Sorry, I didn't quite get that. Could you describe your question in other words?"
      : '抱歉，我没太明白，能换个说法描述一下您的问题吗？';
  }
  return lang === 'en' ? 'Which of these do you mean?' : '您想问的是下面哪个问题呢？';
}
