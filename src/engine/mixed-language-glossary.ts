// Customers in China mix English shopping words into Chinese questions ("refund 多久到账", "怎么用
// coupon"); the business's KB says 退款 and 优惠券. This glossary maps common customer-service and
// e-commerce English words to the Chinese words a Chinese KB uses for them. It is only applied to
// messages that contain Chinese, so English knowledge bases are untouched.
import { stem } from './segment.js';

const GLOSSARY: Record<string, string[]> = {
  refund: ['退款'],
  return: ['退货'],
  exchange: ['换货'],
  replace: ['换货'],
  cancel: ['取消'],
  order: ['订单'],
  coupon: ['优惠券'],
  voucher: ['优惠券'],
  discount: ['优惠'],
  promo: ['优惠'],
  invoice: ['发票'],
  receipt: ['发票'],
  tracking: ['物流'],
  track: ['物流'],
  logistics: ['物流'],
  delivery: ['配送'],
  deliver: ['配送'],
  ship: ['发货'],
  shipping: ['发货'],
  shipment: ['发货'],
  express: ['快递'],
  courier: ['快递'],
  package: ['包裹'],
  parcel: ['包裹'],
  address: ['地址'],
  payment: ['支付'],
  pay: ['支付'],
  paid: ['付款'],
  charge: ['扣款'],
  charged: ['扣款'],
  price: ['价格'],
  size: ['尺码'],
  color: ['颜色'],
  colour: ['颜色'],
  warranty: ['保修'],
  repair: ['维修'],
  broken: ['坏'],
  damaged: ['破损'],
  defective: ['质量'],
  quality: ['质量'],
  fake: ['假货'],
  authentic: ['正品'],
  genuine: ['正品'],
  account: ['账号'],
  password: ['密码'],
  login: ['登录'],
  register: ['注册'],
  signup: ['注册'],
  member: ['会员'],
  membership: ['会员'],
  vip: ['会员'],
  points: ['积分'],
  balance: ['余额'],
  wallet: ['钱包'],
  withdraw: ['提现'],
  card: ['银行卡'],
  bank: ['银行'],
  phone: ['手机'],
  stock: ['库存'],
  restock: ['补货'],
  overseas: ['海外'],
  abroad: ['海外'],
  international: ['海外'],
  complaint: ['投诉'],
  fee: ['费用'],
  freight: ['运费'],
  postage: ['运费'],
  insurance: ['保险'],
  installment: ['分期'],
  gift: ['赠品'],
  presale: ['预售'],
  bill: ['账单'],
  failed: ['失败'],
  fail: ['失败'],
  error: ['错误'],
  status: ['状态'],
  progress: ['进度'],
  app: ['app'],
};

/** Stemmed English word → Chinese words (segment() stems Latin words, so the keys are stemmed too). */
const BY_STEM = new Map<string, string[]>();
for (const [word, zh] of Object.entries(GLOSSARY)) {
  const key = stem(word);
  BY_STEM.set(key, [...new Set([...(BY_STEM.get(key) ?? []), ...zh])]);
}

/** Chinese equivalents of a (stemmed) English word, or undefined. */
export function chineseFor(stemmedWord: string): string[] | undefined {
  return BY_STEM.get(stemmedWord);
}
