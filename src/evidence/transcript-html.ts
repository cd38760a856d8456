// A readable, printable, self-contained HTML page of a signed transcript (Chinese first, English beside):
// who said what when, the key fingerprint, and how to check the JSON file. No scripts, no external assets,
// so it prints (or saves as PDF) the same anywhere.
import { formatFingerprint } from './signing-key.js';
import type { TranscriptDocument } from './transcript.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const SENDER: Record<string, string> = {
  customer: '顾客 Customer',
  bot: '智能客服 Bot',
  agent: '人工客服 Agent',
  system: '系统 System',
};

export interface TranscriptHtmlOptions {
  /** IANA zone the times are shown in (the JSON keeps UTC). */
  timeZone?: string;
  /** Where the server publishes its key, for the instructions. */
  keyUrl?: string;
}

function timeIn(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

export function transcriptHtml(doc: TranscriptDocument, options: TranscriptHtmlOptions = {}): string {
  const zone = options.timeZone ?? 'Asia/Shanghai';
  const keyUrl = options.keyUrl ?? '/api/v1/keys/transcript';
  const fingerprint = formatFingerprint(doc.signature.keyFingerprint);
  const rows = doc.messages
    .map(
      (m) => `<tr class="${esc(m.sender)}">
  <td class="seq">${m.seq}</td>
  <td class="time"><time datetime="${esc(m.time)}">${esc(timeIn(m.time, zone))}</time></td>
  <td class="who">${esc(SENDER[m.sender] ?? m.sender)}${m.senderName ? `<br><span class="name">${esc(m.senderName)}</span>` : ''}</td>
  <td class="text">${esc(m.text)}</td>
  <td class="hash" title="${esc(m.hash)}">${esc(m.hash.slice(0, 12))}…</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>对话记录 Conversation transcript — ${esc(doc.issuer.name)} — ${esc(doc.conversation.id)}</title>
<style>
  body { font: 16px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; margin: 1.5rem 0; }
  th, td { border: 1px solid #999; padding: .4rem .5rem; vertical-align: top; text-align: left; }
  th { background: #eee; }
  td.text { white-space: pre-wrap; word-break: break-word; }
  td.seq, td.time, td.hash { white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.hash, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; }
  tr.customer td.text { background: #f3f8ff; }
  .name { color: #333; font-size: .9em; }
  .verify { border: 2px solid #333; padding: .75rem 1rem; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<header>
<h1>对话记录 <span lang="en">Conversation transcript</span></h1>
<p>${esc(doc.issuer.name)} · ${esc(doc.issuer.software)}</p>
</header>
<main>
<dl>
  <dt>对话编号 Conversation</dt><dd class="mono">${esc(doc.conversation.id)}</dd>
  <dt>开始时间 Started</dt><dd>${esc(timeIn(doc.conversation.startedAt, zone))} (${esc(zone)})</dd>
  <dt>导出时间 Exported</dt><dd>${esc(timeIn(doc.generatedAt, zone))} (${esc(zone)})</dd>
  <dt>消息数 Messages</dt><dd>${doc.messages.length}</dd>
  <dt>公钥指纹 Key fingerprint</dt><dd class="mono">${esc(fingerprint)}</dd>
  <dt>哈希链末端 Chain head</dt><dd class="mono">${esc(doc.chain.head)}</dd>
</dl>
<table>
<caption>时间为 ${esc(zone)} 时区 · Times in ${esc(zone)}</caption>
<thead><tr><th scope="col">序号 #</th><th scope="col">时间 Time</th><th scope="col">发送方 From</th><th scope="col">内容 Message</th><th scope="col">哈希 Hash</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<section class="verify" aria-labelledby="verify-title">
<h2 id="verify-title">如何核验 How to verify</h2>
<p>本页供阅读和打印。具有证据效力的是同一对话的 JSON 签名文件：每条消息都带有前一条消息的 SHA-256 哈希，整个文件由商家服务器的 Ed25519 私钥签名。任何消息、时间、发送方、内容或顺序被改动、删除或插入，核验都会失败。</p>
<ol>
  <li>下载 JSON 版本（同一地址加 <span class="mono">?format=json</span>，或在对话窗口中选择“下载 JSON”）。</li>
  <li>运行 <span class="mono">npx zhida verify 文件.json</span>，或在商家网站的核验页面上传该文件。</li>
  <li>把核验结果中的公钥指纹与商家公布的指纹（<span class="mono">${esc(keyUrl)}</span>）对照：两者一致，才能证明文件出自该商家。本记录的指纹是 <span class="mono">${esc(fingerprint)}</span>。</li>
</ol>
<p lang="en">This page is for reading and printing. The evidence is the signed JSON file of the same conversation: every message carries the SHA-256 hash of the one before it, and the whole file is signed with the business's Ed25519 key, so any altered, deleted, inserted or reordered message fails verification. Run <span class="mono">npx zhida verify FILE.json</span> (or use the verify page) and compare the fingerprint it prints with the one the business publishes at <span class="mono">${esc(keyUrl)}</span>: only a match proves the file comes from this business.</p>
</section>
</main>
</body>
</html>
`;
}
