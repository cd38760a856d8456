// The texts of the errors an admin meets (KB files and their rows, publishing, regression cases), keyed
// by a stable reason: English is the API's `message`, and the admin console shows the Chinese text first
// (web/src/admin/messages-errors.ts reads this file). Placeholders `{name}` take the error's `params`.
// No imports: the web bundle includes this file as it is.

/** The header a KB table needs, said once for both messages that explain it. */
const HEADER_EN =
  'the header must name the columns question and answer, and may add id, category, title and tags (e.g. "id,question,answer,category")';
const HEADER_ZH =
  '表头须包含 question 和 answer 两列，可另加 id、category、title、tags（例如 "id,question,answer,category"）';

export const ERROR_TEXTS = {
  // Publishing and versions
  'kb.version-not-found': { en: 'no KB version {version}', zh: '没有第 {version} 版知识库' },
  'publish.no-version': {
    en: 'the knowledge base has no version to publish yet',
    zh: '知识库还没有可发布的版本',
  },
  'publish.blocked': {
    en: 'publishing version {version} breaks {broken} regression case(s) that pass on the live version {live}; send confirm: true to publish anyway',
    zh: '发布第 {version} 版会让 {broken} 条在线上第 {live} 版通过的回归用例失败；确认后仍可发布',
  },
  'publish.superseded': {
    en: 'version {version} cannot go live: a newer version was published meanwhile',
    zh: '第 {version} 版无法上线：期间已有更新的版本发布',
  },
  'publish.older-than-live': {
    en: 'version {version} is older than the live version {live}: roll back to it instead (that makes a new version)',
    zh: '第 {version} 版早于线上的第 {live} 版：请改用“回滚”到该版本（会生成一个新版本）',
  },
  'publish.already-live': { en: 'version {version} is already live', zh: '第 {version} 版已经是线上版本' },

  // Regression cases, one by one and as a CASES.jsonl file (line by line)
  'case.blank-text': { en: 'text must not be blank', zh: '问题文本不能为空' },
  'case.unknown-entry': {
    en: 'expectedEntryId "{id}" is not an entry of the draft or the live knowledge base',
    zh: '期望条目“{id}”不在草稿或线上知识库中',
  },
  'case.exists': { en: 'a regression case with id "{id}" exists', zh: 'ID 为“{id}”的回归用例已存在' },
  'case.not-found': { en: 'no regression case "{id}"', zh: '没有回归用例“{id}”' },
  'cases.bad-lines': {
    en: 'the cases file has {lines} bad line(s); nothing was imported',
    zh: '用例文件中有 {lines} 行有误，未导入任何用例',
  },
  'cases.malformed-json': { en: 'malformed JSON ({detail})', zh: '不是有效的 JSON（{detail}）' },
  'cases.not-object': {
    en: 'expected an object {"text", "label"}',
    zh: '每行应是一个对象 {"text", "label"}',
  },
  'cases.text': { en: '"text" must be a non-blank string', zh: '"text" 必须是非空字符串' },
  'cases.text-too-long': {
    en: '"text" is longer than {max} characters',
    zh: '"text" 超过 {max} 个字符',
  },
  'cases.label': { en: '"label" must be an entry id or null', zh: '"label" 必须是条目 ID 或 null' },
  'cases.unknown-label': {
    en: 'label "{label}" is not an entry of the knowledge base',
    zh: 'label“{label}”不是知识库中的条目',
  },
  'cases.id': { en: '"id" must be a non-empty string when present', zh: '"id" 如填写，必须是非空字符串' },
  'cases.note': { en: '"note" must be a string when present', zh: '"note" 如填写，必须是字符串' },
  'cases.duplicate-id': { en: 'id "{id}" is used twice', zh: 'ID“{id}”出现了两次' },

  // KB files
  'file.content-type': {
    en: 'send the file with Content-Type application/json, text/csv or {xlsx} (or ?format=json|csv|xlsx)',
    zh: '请以 Content-Type application/json、text/csv 或 {xlsx} 上传文件（或加 ?format=json|csv|xlsx）',
  },
  'file.bad-json': { en: 'the file is not valid JSON ({detail})', zh: '文件不是有效的 JSON（{detail}）' },
  'file.not-raw': {
    en: 'a {format} file must be sent as the raw body, not as {type}',
    zh: '{format} 文件须作为原始请求体上传，而不是 {type}',
  },
  'file.bad-csv': { en: 'the file is not valid CSV: {detail}', zh: '文件不是有效的 CSV：{detail}' },
  'file.bad-rows': {
    en: 'the file has {rows} bad row(s); nothing was imported',
    zh: '文件中有 {rows} 行有误，未导入任何内容',
  },
  'file.bad-entries': {
    en: 'the knowledge base has {count} error(s)',
    zh: '知识库文件有 {count} 处错误，未导入任何内容',
  },
  'file.too-many-rows': { en: 'the file has more than {max} rows', zh: '文件超过 {max} 行' },
  'file.no-data': { en: 'the file has a header but no data rows', zh: '文件只有表头，没有数据行' },
  'xlsx.too-large': { en: 'the file is larger than {mb} MB', zh: '文件超过 {mb} MB' },
  'xlsx.not-xlsx': {
    en: 'the file is not an Excel workbook (.xlsx); save it as .xlsx or CSV',
    zh: '文件不是 Excel 工作簿（.xlsx），请另存为 .xlsx 或 CSV',
  },
  'xlsx.unpacks-too-large': {
    en: 'the workbook unpacks to more than 200 MB',
    zh: '工作簿解压后超过 200 MB',
  },
  'xlsx.unreadable': {
    en: 'the file is not a readable .xlsx workbook ({detail})',
    zh: '无法读取该 .xlsx 工作簿（{detail}）',
  },
  'xlsx.no-sheet': { en: 'the workbook has no worksheet', zh: '工作簿中没有工作表' },
  'xlsx.too-many-rows': { en: 'the worksheet has more than {max} rows', zh: '工作表超过 {max} 行' },

  // Rows of a CSV or Excel file
  'table.no-header': { en: 'the file has no header row', zh: '文件没有表头行' },
  'table.header': { en: HEADER_EN, zh: HEADER_ZH },
  'table.unknown-column': {
    en: `unknown column "{column}": ${HEADER_EN}`,
    zh: `未知的列“{column}”：${HEADER_ZH}`,
  },
  'table.duplicate-column': { en: 'column "{column}" appears twice', zh: '列“{column}”出现了两次' },
  'table.too-many-fields': {
    en: 'expected at most {width} fields, found {found}',
    zh: '最多应有 {width} 列，实际有 {found} 列',
  },
  'table.empty-id': { en: 'id is empty', zh: 'id 为空' },
  'table.empty-question': { en: 'question is empty', zh: 'question（问题）为空' },
  'table.empty-answer': { en: 'answer is empty', zh: 'answer（答案）为空' },
  'table.clash': {
    en: 'entry "{id}" has a different {field} on row {row}',
    zh: '条目“{id}”的 {field} 与第 {row} 行不一致',
  },

  // An entry of a KB file or the entry editor (the field is named beside the message)
  'entry.not-object': { en: 'must be an object', zh: '必须是一个对象' },
  'entry.blank': { en: 'must be a non-empty string', zh: '必须是非空字符串' },
  'entry.duplicate-id': {
    en: 'duplicates the id of entry {other}',
    zh: '与第 {otherNumber} 个条目的 ID 重复',
  },
  'entry.not-string': { en: 'must be a string', zh: '必须是字符串' },
  'entry.no-questions': {
    en: 'must be a non-empty array of strings',
    zh: '至少需要一个示例问题（字符串数组）',
  },
  'entry.question-not-string': { en: 'every question must be a string', zh: '每个示例问题都必须是字符串' },
  'entry.blank-questions': {
    en: 'needs at least one non-blank question',
    zh: '至少需要一个非空的示例问题',
  },
  'entry.optional-string': { en: 'must be a string when present', zh: '如填写，必须是字符串' },
  'entry.optional-strings': {
    en: 'must be an array of strings when present',
    zh: '如填写，必须是字符串数组',
  },
  'entry.relative-url': {
    en: '"{url}" is not an absolute URL (links and images need http:// or https://)',
    zh: '“{url}”不是完整网址（链接和图片须以 http:// 或 https:// 开头）',
  },
  'entry.bad-scheme': {
    en: '"{url}" uses {scheme}: only http and https links and images are allowed',
    zh: '“{url}”使用了 {scheme}：链接和图片只允许 http 和 https',
  },
  'entry.invalid': { en: '{message}', zh: '{message}' },

  // The learning loop's topics
  'topic.gone': {
    en: 'no such open topic (it may have been resolved or regrouped: reload the list)',
    zh: '没有这个待处理的话题（可能已被处理或重新分组，请刷新列表）',
  },
  'topic.no-questions': { en: 'the entry needs at least one question', zh: '条目至少需要一个示例问题' },
  'entry.not-found': { en: 'no entry with id "{id}"', zh: '没有 ID 为“{id}”的条目' },

  // Edits made on a copy someone else changed meanwhile (If-Match)
  'entry.changed-meanwhile': {
    en: 'entry "{id}" was changed by someone else after you opened it; your edit was not saved',
    zh: '条目“{id}”在你打开后已被他人修改，你的修改未保存',
  },
  'negatives.changed-meanwhile': {
    en: 'the "must not answer" examples were changed by someone else after you opened them; your edit was not saved',
    zh: '“不应回答”示例在你打开后已被他人修改，你的修改未保存',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ErrorReason = keyof typeof ERROR_TEXTS;
export type ErrorParams = Record<string, string | number>;

/** A template with its `{name}` placeholders filled; an unknown placeholder stays as it is. */
export function formatText(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The English text of a reason (the API's `message`). */
export const errorText = (reason: ErrorReason, params?: ErrorParams): string =>
  formatText(ERROR_TEXTS[reason].en, params);
