import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';

let dir: string;
const saved = { ...process.env };
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhida-cli-'));
  process.env.ZHIDA_DATA_DIR = path.join(dir, 'data');
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const kb = (entries: unknown[]) => JSON.stringify({ name: '测试店', locale: 'zh-CN', entries });

describe('zhida kb import / export', () => {
  it('imports a KB file and exports it back unchanged', async () => {
    const file = path.join(dir, 'kb.json');
    const entries = [
      {
        id: 'refund',
        title: '退款多久到账',
        category: '售后',
        questions: ['退款多久到账', '钱什么时候退'],
        answer: '1-3个工作日',
        tags: ['退款'],
      },
      { id: 'invoice', title: '怎么开发票', questions: ['怎么开发票'], answer: '订单页申请' },
    ];
    writeFileSync(file, kb(entries));
    expect(await main(['kb', 'import', file])).toBe(0);
    const out = path.join(dir, 'out.json');
    expect(await main(['kb', 'export', out])).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.name).toBe('测试店');
    expect(exported.entries).toEqual(
      expect.arrayContaining([expect.objectContaining(entries[0]), expect.objectContaining(entries[1])]),
    );
  });

  it('refuses a file with any bad entry whole and keeps the stored KB', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      kb([
        { id: 'x', title: 't', questions: ['q'], answer: 'a' },
        { id: 'y', title: 't', questions: [], answer: 'a' },
      ]),
    );
    expect(await main(['kb', 'import', bad])).toBe(1);
    const garbled = path.join(dir, 'garbled.json');
    writeFileSync(garbled, '{"entries": [');
    expect(await main(['kb', 'import', garbled])).toBe(1);
    const out = path.join(dir, 'after.json');
    await main(['kb', 'export', out]);
    expect(
      JSON.parse(readFileSync(out, 'utf8'))
        .entries.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual(['invoice', 'refund']);
  });

  it('imports CSV and reports bad rows', async () => {
    const csv = path.join(dir, 'kb.csv');
    writeFileSync(csv, 'question,answer,category\n运费多少,满99包邮,物流\n');
    expect(await main(['kb', 'import', csv])).toBe(0);
    writeFileSync(csv, 'question,answer,category\n运费多少,,物流\n');
    expect(await main(['kb', 'import', csv])).toBe(1);
  });

  it('says how to use it on unknown commands', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['kb', 'import'])).toBe(2);
  });
});
