// Detects what the handoff policy reacts to in a customer's words: an explicit request for a person,
// anger, and legal threats. Input is text already normalised by the engine (NFKC, simplified Chinese,
// lower case), so traditional characters and full-width forms are covered by the same patterns.

/** Phrasings that ask for a human, Chinese and English. Kept specific: "are you a human?" is a question
 * about the bot, "speak to me in french" is not a handoff, "人工智能" is not 人工. */
const HUMAN_REQUEST_ZH: RegExp[] = [
  /转(接)?人工/,
  // "人工客服什么时候在" asks about service hours, which the KB answers.
  /人工(客服|服务|坐席|座席|台|帮忙|处理|回复|介入)(?!.*(什么时候|几点|时间|电话|热线|号码|上班|下班|工作|营业))/,
  /(找|要|接|叫|呼叫|联系|请|换|来个?|给我)(个|一个|一位)?(人工|真人|活人)(?!智能)/,
  /^(人工|真人)+(吧|啊|呀|!|！|\?|？|。|\s)*$/,
  /(跟|和|与|同)(真|活)?人(说话|讲话|聊|沟通|对话)/,
  /(别|不要|不想|不用)(让|跟|和|要)?(机器人|机器|智能客服|ai|自动回复)/,
  /(叫|找|要|让)(你们|你们的)?(经理|主管|领导|负责人)/,
  /(转|接|找|要)(真人)?客服(?!电话|热线|时间)/,
];

const HUMAN_REQUEST_EN: RegExp[] = [
  /\b(talk|speak|chat|connect|transfer|put)( me)? (to|with|through to) (a |an |the |some )?(human|real person|real human|live (agent|person)|agent|representative|rep|operator|someone|somebody|person|manager|supervisor)\b/,
  /\b(want|need|get|give) (me )?(a |an |to (talk|speak) to (a |an )?)?(human|real person|real human|live agent|representative|operator|manager|supervisor)\b/,
  /^\s*(human|agent|representative|operator|real person|live agent|customer service)( please| pls| now)?[\s.!?]*$/,
  /\b(human|real person|live agent|representative) (please|pls|now)\b/,
  /\bstop (the |this )?(bot|robot|machine)\b/,
];

export function isHumanRequest(normalized: string): boolean {
  return (
    HUMAN_REQUEST_ZH.some((re) => re.test(normalized)) || HUMAN_REQUEST_EN.some((re) => re.test(normalized))
  );
}

/** Legal threats and regulators: a person must handle these, whatever the KB says. */
const LEGAL_THREAT: RegExp[] = [
  /12315|12345热线|消协|消费者协会|市场监管局|工商局/,
  /起诉|诉讼|上法院|法院见|律师函|找律师|请律师|报警|仲裁/,
  /\b(sue|lawsuit|my lawyer|legal action|small claims court|report you to)\b/,
];

export function isLegalThreat(normalized: string): boolean {
  return LEGAL_THREAT.some((re) => re.test(normalized));
}

/** A complaint is a sensitive topic: a person takes it, so that it never goes nowhere. */
const COMPLAINT =
  /我要投诉|投诉你们|要投诉|想投诉|投诉(客服|商家|卖家|快递|骑手)|\b(file|make|lodge) a complaint\b/;

export function isComplaint(normalized: string): boolean {
  return COMPLAINT.test(normalized);
}

/** Safety: products that hurt people. Always a person's job. */
const SAFETY =
  /爆炸|起火|着火|冒烟|漏电|触电|受伤|烫伤|中毒|过敏反应|\b(caught fire|exploded|explosion|injured|poisoned|electric shock)\b/;

export function isSafetyRisk(normalized: string): boolean {
  return SAFETY.test(normalized);
}

/** Fraud: money stolen, accounts taken over. A person takes it unless the KB has a confident answer
 * (a business's own "card stolen? freeze it here" entry is the fastest help). */
const FRAUD =
  /被骗|诈骗|盗刷|账号被盗|被盗号|资金被盗|冒充客服|\b(fraud|scammed|scam|account hacked|identity theft)\b/;

export function isFraud(normalized: string): boolean {
  return FRAUD.test(normalized);
}

/** Anger lexicon with intensity: 1 = frustration the bot may still answer, 2+ = hand to a person. */
const ANGER_TERMS: Array<[RegExp, number]> = [
  [/气死|气炸|火大|太过分|忍无可忍|欺人太甚/, 2],
  [/垃圾(客服|服务|平台|商家|公司|店|机器人)|什么破(客服|服务|平台|店)|破机器人|人工智障/, 2],
  [/骗子|坑人|黑心|无良/, 2],
  [/给差评|曝光你们/, 2],
  [/滚|妈的|tmd|他妈|操你|傻逼|sb客服/, 2],
  [/烦死|郁闷|无语|失望|生气|恼火|着急死|急死/, 1],
  [/[!！]{3,}|[?？]{3,}/, 1],
  [/\b(furious|outraged|unacceptable|scam|scammers|worst service|pathetic|disgusting)\b/, 2],
  [/\b(angry|annoyed|frustrated|ridiculous|terrible service|fed up)\b/, 1],
];

/** Negations that soften a term just before it ("不生气", "not angry"). */
const NEGATED = /(不|没|别|not |n't )$/;

export function angerIntensity(normalized: string): number {
  let total = 0;
  for (const [re, weight] of ANGER_TERMS) {
    const match = re.exec(normalized);
    if (!match) continue;
    const before = normalized.slice(Math.max(0, match.index - 4), match.index);
    if (NEGATED.test(before)) continue;
    total += weight;
  }
  return total;
}

/** "None of these" after a clarification: the customer rejects what was offered. */
const REJECTION =
  /^(都不是|都不对|不是|不对|没有|都没有|不是这些|以上都不是|none( of (these|them|the above))?|neither|no)[\s。.!！]*$/;

export function isRejection(normalized: string): boolean {
  return REJECTION.test(normalized.trim());
}
