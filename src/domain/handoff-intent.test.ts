import { describe, expect, it } from 'vitest';
import { normalizeText } from '../engine/index.js';
import { angerIntensity, isComplaint, isHumanRequest, isLegalThreat, isRejection } from './handoff-intent.js';

const human = (text: string) => isHumanRequest(normalizeText(text));

describe('explicit requests for a person', () => {
  it.each([
    '转人工',
    '人工',
    '人工！！',
    '人工服务',
    '我要人工客服',
    '找真人',
    '我要跟人说话',
    '别让机器人回答',
    '別讓機器人回答',
    '轉人工',
    '叫你们经理来',
    '给我接人工',
    'human',
    'Human please',
    'I want to talk to a real person',
    'connect me to an agent',
    'can I speak to a representative',
  ])('hands off on %s', (text) => expect(human(text)).toBe(true));

  it.each([
    '人工智能是什么',
    '人工客服什么时候在',
    '客服电话是多少',
    'are you a human',
    'am i talking to a real person',
    'can you speak to me in french',
    'add smooth operator to my playlist',
    '退款多久到账',
  ])('does not hand off on %s', (text) => expect(human(text)).toBe(false));
});

describe('anger, complaints and legal threats', () => {
  it('weighs anger by intensity and respects negation', () => {
    expect(angerIntensity(normalizeText('垃圾客服，气死我了'))).toBeGreaterThanOrEqual(2);
    expect(angerIntensity(normalizeText('有点烦死了，快递怎么还没到'))).toBe(1);
    expect(angerIntensity(normalizeText('我不生气，就问问'))).toBe(0);
    expect(angerIntensity(normalizeText('你知道什么是湿垃圾吗'))).toBe(0);
  });
  it('spots legal threats and complaints', () => {
    expect(isLegalThreat(normalizeText('再不退款我就打12315'))).toBe(true);
    expect(isLegalThreat(normalizeText('我要起诉你们'))).toBe(true);
    expect(isLegalThreat(normalizeText('please share my location with my boss'))).toBe(false);
    expect(isComplaint(normalizeText('我要投诉你们的快递员'))).toBe(true);
    expect(isComplaint(normalizeText('投诉入口在哪'))).toBe(false);
  });
  it('recognises a rejected clarification', () => {
    expect(isRejection('都不是')).toBe(true);
    expect(isRejection('none of these')).toBe(true);
    expect(isRejection('不是这个意思，我想问发票')).toBe(false);
  });
});
