// Grammatical words of Chinese and English questions: they carry the sentence, not its topic. Used
// to keep them out of KB words (kb-vocabulary.ts) and out of the "matched terms" shown to agents.
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...'的 了 吗 呢 吧 啊 呀 是 有 在 我 你 他 她 它 们 这 那 下 一 到 从 给 把 被 和 与 或 就 都 也 还 又 很 太 更 最 不 没 要 会 能 想 请 让 个 去 来 说 看 用 为 对 上 里 我们 你们 怎么 什么 怎么办 怎么样 能不能 可以 如何 哪里 多少 一下 是不是 有没有 这个 那个'.split(
    ' ',
  ),
  ...'a an the i me my you your we our it its is are was were be am do does did to of in on at for from with and or not can could would will should how what when where why which who this that there have has had please'.split(
    ' ',
  ),
]);
