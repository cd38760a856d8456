// The questions the bot could not answer in a batch of synthetic conversations, as the learning loop's
// capture (src/services/unanswered-capture.ts) would have stored them: one for every chat handed off
// because the bot missed (low confidence, out of scope, repeated misses) and one for a share of the
// clarifications the customer did not take ('clarify-rejected'). Their texts vary the demo KB's
// phrasings (the shop's customers asking in their own words) plus questions the KB does not cover at
// all; the customer message keeps the same text. Own random stream, so the rest of the store is the
// same as without them.
import { randomUUID } from 'node:crypto';
import type { KbEntry } from '../../src/engine/types.js';
import type { NewUnanswered, UnansweredReason } from '../../src/storage/learning-ports.js';
import type { Rng } from '../queue/prng.js';
import type { SyntheticConversation } from './synthetic-conversation.js';

/** Share of clarifications whose question is kept as unanswered ('clarify-rejected'). */
const CLARIFY_REJECTED_SHARE = 0.08;
/** Share of the low-confidence / repeated-misses questions that are off-topic anyway. */
const OFF_TOPIC_SHARE = 0.25;
const MISSED: readonly string[] = ['low-confidence', 'out-of-scope', 'repeated-misses'];
const PREFIXES = [
  '',
  '',
  '',
  '那个',
  '我想问下',
  '请问一下',
  '急！',
  '客服，',
  '你好，',
  '我昨天买的，',
  '亲，',
];
const SUFFIXES = ['', '', '', '？', '呢', '啊', '，谢谢', '，在线等', '，怎么弄', '？？', '，急'];
/** Questions the demo shop's KB has no entry for (each a topic of its own, in a few wordings). */
const OFF_TOPIC: readonly (readonly string[])[] = [
  ['你们招聘吗', '还招客服吗', '怎么应聘你们公司'],
  ['可以加盟吗', '加盟条件是什么', '想开个加盟店'],
  ['线下门店在哪里', '附近有实体店吗', '门店地址发我一下'],
  ['能做企业团购吗', '公司采购有批发价吗', '团购一百件怎么算'],
  ['直播间的链接在哪', '主播说的福利怎么领', '直播抽奖没收到'],
  ['会员群怎么进', '有没有粉丝群', '加一下你们的微信群'],
  ['商品能刻字吗', '可以定制logo吗', '能不能印名字'],
  ['能寄到国外吗', '支持海外直邮吗', '寄到香港要多久'],
  ['积分能换现金吗', '积分商城在哪', '积分快过期了怎么办'],
  ['你们是正品吗', '有没有防伪查询', '怎么验证真假'],
  ['App老是闪退', '登录不上账号', '收不到验证码'],
  ['能帮我写个差评吗', '你是机器人吗', '今天天气怎么样'],
  ['旧手机可以回收吗', '以旧换新怎么弄', '回收价格怎么算'],
  ['送货能上楼吗', '能预约晚上送货吗', '快递员态度很差投诉谁'],
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];

function vary(rng: Rng, text: string): string {
  return `${pick(rng, PREFIXES)}${text.replace(/[？?。！!]+$/u, '')}${pick(rng, SUFFIXES)}`;
}

export function unansweredQuestions(
  rng: Rng,
  kb: readonly KbEntry[],
  batch: readonly SyntheticConversation[],
): NewUnanswered[] {
  const out: NewUnanswered[] = [];
  for (const { conversation, messages } of batch) {
    const byId = new Map(messages.map((m) => [m.id, m]));
    const handoff = messages.find((m) => m.sender === 'bot' && m.meta?.decision === 'handoff');
    const reason = handoff?.meta?.handoffReason;
    let question = handoff?.inReplyTo ? byId.get(handoff.inReplyTo) : undefined;
    let why: UnansweredReason | null =
      typeof reason === 'string' && MISSED.includes(reason) ? (reason as UnansweredReason) : null;
    let ranked = [
      { entryId: pick(rng, kb).id, confidence: Math.round((0.15 + rng.next() * 0.3) * 100) / 100 },
    ];
    if (why === null) {
      const clarify = messages.find((m) => m.sender === 'bot' && m.meta?.decision === 'clarify');
      if (!clarify?.inReplyTo || rng.next() >= CLARIFY_REJECTED_SHARE) continue;
      question = byId.get(clarify.inReplyTo);
      why = 'clarify-rejected';
      const offered = (clarify.meta?.candidates as string[] | undefined) ?? [];
      ranked = offered.map((entryId, i) => ({ entryId, confidence: i === 0 ? 0.42 : 0.38 }));
    }
    if (!question) continue;
    const offTopic = why === 'out-of-scope' || (why !== 'clarify-rejected' && rng.next() < OFF_TOPIC_SHARE);
    question.text = vary(
      rng,
      why === 'clarify-rejected'
        ? question.text
        : offTopic
          ? pick(rng, pick(rng, OFF_TOPIC))
          : pick(rng, pick(rng, kb).questions),
    );
    out.push({
      id: randomUUID(),
      conversationId: conversation.id,
      messageId: question.id,
      reason: why,
      text: question.text,
      kbVersion: 1,
      ranked,
      answeredEntryId: null,
      detail: null,
      createdAt: (handoff && why !== 'clarify-rejected' ? handoff.createdAt : question.createdAt) + 1,
    });
  }
  return out;
}
