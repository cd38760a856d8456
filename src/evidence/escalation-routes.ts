// Where a consumer in mainland China can take a complaint the business did not settle, in the order the
// Consumer Rights Protection Law (《消费者权益保护法》第三十九条) lists the ways: negotiation, mediation by the
// consumer association, a complaint to the market regulator (12315), arbitration, court. One module, both
// languages, plain words; shown to customers beside their complaint tickets.

export type EscalationLocale = 'zh-CN' | 'en';

export interface EscalationStep {
  id: 'negotiate' | 'consumer-association' | 'regulator-12315' | 'arbitration' | 'court';
  title: string;
  /** When to take this step. */
  when: string;
  /** What to do, in a few plain sentences. */
  how: string;
  /** Where, if there is a public place to go. */
  contact?: { label: string; url?: string; phone?: string };
}

export interface EscalationGuide {
  locale: EscalationLocale;
  title: string;
  intro: string;
  steps: EscalationStep[];
  /** What to keep from the start, whichever step comes. */
  evidence: string[];
  /** Not legal advice, and time limits. */
  notes: string[];
}

const zh: EscalationGuide = {
  locale: 'zh-CN',
  title: '如果对处理结果不满意，您可以这样维权',
  intro:
    '按照《消费者权益保护法》，消费者与经营者发生争议，可以依次或选择以下途径解决。每一步都不影响您采取下一步。',
  steps: [
    {
      id: 'negotiate',
      title: '1. 与商家协商',
      when: '首先尝试。您已经提交的投诉工单就是协商的记录。',
      how: '在工单中写明您的诉求（退款、换货、维修、赔偿等）和期限，保留商家的每一次答复。',
    },
    {
      id: 'consumer-association',
      title: '2. 请消费者协会调解',
      when: '协商不成，或商家在约定时间内不答复。',
      how: '向商家所在地或您所在地的消费者协会（消保委）提出调解申请，调解免费。',
    },
    {
      id: 'regulator-12315',
      title: '3. 向市场监管部门投诉（12315）',
      when: '协商或调解不成，也可以直接投诉。',
      how: '通过全国12315平台网站、App、小程序或拨打12315热线投诉。市场监管部门一般在收到投诉后七个工作日内决定是否受理，受理后组织调解。',
      contact: { label: '全国12315平台', url: 'https://www.12315.cn', phone: '12315' },
    },
    {
      id: 'arbitration',
      title: '4. 申请仲裁',
      when: '您与商家签有仲裁协议（合同中的仲裁条款）时。',
      how: '向协议约定的仲裁委员会申请。仲裁一裁终局，裁决与法院判决一样可以申请强制执行。',
    },
    {
      id: 'court',
      title: '5. 向人民法院起诉',
      when: '没有仲裁协议，或其他途径都未能解决。',
      how: '向有管辖权的人民法院起诉；金额较小、事实清楚的纠纷可适用小额诉讼程序，也可以通过人民法院在线服务网上立案。',
      contact: { label: '人民法院在线服务', url: 'https://zxfw.court.gov.cn' },
    },
  ],
  evidence: [
    '本次对话记录（JSON 签名版和可打印的 HTML 版），以及本页显示的公钥指纹',
    '投诉工单编号和处理记录',
    '订单号、付款凭证、发票或收据',
    '商品或服务的宣传页面、商品详情页截图（注明时间）',
    '商品问题的照片或视频，必要时的检测报告',
    '物流单号和签收记录',
    '与商家的其他沟通记录（电话时间、短信、邮件）',
  ],
  notes: [
    '以上为一般性说明，不构成法律意见；具体以法律法规和有关部门的规定为准。',
    '请尽早维权：向人民法院请求保护民事权利的诉讼时效一般为三年，自知道或应当知道权利受到损害之日起计算。',
  ],
};

const en: EscalationGuide = {
  locale: 'en',
  title: 'If you are not satisfied with the outcome, here is how to take it further',
  intro:
    'Under the PRC Consumer Rights Protection Law, a dispute with a business can be settled in the following ways. Taking one step never stops you from taking the next.',
  steps: [
    {
      id: 'negotiate',
      title: '1. Negotiate with the business',
      when: 'First. The complaint ticket you filed is the record of this negotiation.',
      how: 'State in the ticket what you ask for (refund, exchange, repair, compensation) and by when, and keep every answer.',
    },
    {
      id: 'consumer-association',
      title: '2. Ask the consumer association to mediate',
      when: 'If negotiation fails, or the business does not answer in time.',
      how: 'Apply to the consumer association (消费者协会) where the business or you are located; mediation is free.',
    },
    {
      id: 'regulator-12315',
      title: '3. Complain to the market regulator (12315)',
      when: 'If negotiation or mediation fails — you may also complain directly.',
      how: 'Use the national 12315 platform (website, app, mini-program) or call 12315. The regulator normally decides within seven working days whether it accepts the complaint, then mediates.',
      contact: { label: 'National 12315 platform', url: 'https://www.12315.cn', phone: '12315' },
    },
    {
      id: 'arbitration',
      title: '4. Arbitration',
      when: 'If you and the business agreed to arbitration (an arbitration clause in the contract).',
      how: 'Apply to the arbitration commission named in the agreement. The award is final and enforceable like a judgment.',
    },
    {
      id: 'court',
      title: '5. Sue in a people’s court',
      when: 'If there is no arbitration agreement, or nothing else settled the dispute.',
      how: 'File with the competent people’s court; small, clear claims can use the small-claims procedure, and cases can be filed online.',
      contact: { label: 'People’s Court online service', url: 'https://zxfw.court.gov.cn' },
    },
  ],
  evidence: [
    'This conversation’s transcript (the signed JSON and the printable HTML) and the key fingerprint shown here',
    'The complaint ticket number and its history',
    'Order number, payment records, invoice or receipt',
    'Screenshots of the advertising or product page, with dates',
    'Photos or videos of the problem; a test report where needed',
    'Delivery tracking number and proof of receipt',
    'Other contact with the business (call times, text messages, emails)',
  ],
  notes: [
    'General information, not legal advice; the laws and the authorities’ rules prevail.',
    'Act early: the limitation period for court claims is generally three years from when you knew or should have known of the harm.',
  ],
};

const GUIDES: Record<EscalationLocale, EscalationGuide> = { 'zh-CN': zh, en };

/** The guide for a locale: Chinese for any zh locale (and when none is given), English otherwise. */
export function escalationGuide(locale: string | undefined): EscalationGuide {
  return !locale || /^zh(-|$)/i.test(locale) ? GUIDES['zh-CN'] : GUIDES.en;
}

export const ESCALATION_LOCALES = Object.keys(GUIDES) as EscalationLocale[];
