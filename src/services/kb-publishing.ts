// The KB's lifecycle beyond single edits: version history with what each version changed, the diff of
// any two versions, publishing a draft version after its regression run, and rollback (which makes a
// new version: history is never rewritten). The regression run trains the candidate off the main thread
// (live conversations go on meanwhile) and reuses the model the bot answers with for the live version;
// a publish then answers with that same candidate model, trained once.
import {
  countDiff,
  diffKb,
  diffNegatives,
  type KbDiff,
  type KbDiffCounts,
  type NegativesDiff,
} from '../domain/kb-diff.js';
import type { AnswerModel, KnowledgeBase } from '../engine/types.js';
import { reasonedError } from '../errors.js';
import type { KbVersion, KbVersionContent } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import { kbAt } from './kb-document.js';
import type { ActiveModel } from './model-registry.js';
import type { PublishResult, RegressionReport, RollbackResult } from './regression-report.js';
import { runRegression, type KbAtVersion } from './regression-run.js';
import { trainInWorker } from './train-in-worker.js';

export interface VersionHistoryItem extends KbVersion {
  /** Against the version before it. */
  changes: KbDiffCounts;
  /** How many "must not answer" examples it added and removed against the version before it. */
  negatives: { added: number; removed: number };
  live: boolean;
}

export interface PublishOptions {
  /** Default: the latest (draft) version. */
  version?: number;
  /** Run the cases and report, change nothing. */
  dryRun?: boolean;
  /** Publish even if cases that pass on the live version would fail. */
  confirm?: boolean;
}

/** Trains the candidate of a regression run; default: in the worker thread, whatever the KB's size. */
export type CandidateTrainer = (kb: KnowledgeBase) => Promise<AnswerModel>;

/** A regression run's report, and the candidate model it trained (installed if the version goes live). */
interface Checked {
  report: RegressionReport;
  candidate: KbAtVersion;
}

export function createKbPublishing(
  ctx: ServiceContext,
  onError: (err: unknown) => void,
  train: CandidateTrainer = (kb) => trainInWorker(kb, { force: true }),
) {
  const { storage, clock, models, bus } = ctx;

  async function contentAt(version: number): Promise<KbVersionContent> {
    const content = await storage.kb.contentAt(version);
    if (!content) throw reasonedError('NOT_FOUND', 'kb.version-not-found', { version });
    return content;
  }

  async function history(
    limit: number,
  ): Promise<{ version: number; liveVersion: number; versions: VersionHistoryItem[] }> {
    const [version, liveVersion, versions] = await Promise.all([
      storage.kb.currentVersion(),
      storage.kb.publishedVersion(),
      storage.kb.listVersions(limit),
    ]);
    // Counts are derived from the snapshots rather than stored, so versions made before this feature
    // have them too; versions are consecutive, so each one's predecessor is version - 1.
    const contents = new Map<number, KbVersionContent>();
    const at = async (v: number): Promise<KbVersionContent> => {
      let content = contents.get(v);
      if (!content) {
        content = (await storage.kb.contentAt(v)) ?? { entries: [], negatives: [] };
        contents.set(v, content);
      }
      return content;
    };
    const items: VersionHistoryItem[] = [];
    for (const v of [...versions].reverse()) {
      const [before, after] = [await at(v.version - 1), await at(v.version)];
      const changes = countDiff(diffKb(before.entries, after.entries));
      const { added, removed } = diffNegatives(before.negatives, after.negatives);
      const negatives = { added: added.length, removed: removed.length };
      items.push({ ...v, changes, negatives, live: v.version === liveVersion });
    }
    return { version, liveVersion, versions: items.reverse() };
  }

  async function diff(
    from: number,
    to: number,
  ): Promise<KbDiff & { from: number; to: number; counts: KbDiffCounts; negatives: NegativesDiff }> {
    const [before, after] = await Promise.all([contentAt(from), contentAt(to)]);
    const d = diffKb(before.entries, after.entries);
    return {
      from,
      to,
      counts: countDiff(d),
      ...d,
      negatives: diffNegatives(before.negatives, after.negatives),
    };
  }

  async function trained(version: number, kb: KnowledgeBase): Promise<KbAtVersion> {
    const started = performance.now();
    const model = await train(kb);
    return { version, kb, model, trainingSeconds: (performance.now() - started) / 1000 };
  }

  /** The regression run of a candidate (the content of `version`) against the live version. */
  async function check(version: number, content: KbVersionContent): Promise<Checked> {
    const [meta, liveVersion, cases] = await Promise.all([
      storage.kb.meta(),
      storage.kb.publishedVersion(),
      storage.regressionCases.list(),
    ]);
    const kb = (c: KbVersionContent): KnowledgeBase => kbAt(meta, c.entries, c.negatives);
    const answering = models.current();
    const [candidate, live] = await Promise.all([
      trained(version, kb(content)),
      liveVersion === 0
        ? null
        : answering.kbVersion === liveVersion
          ? // The bot's own model is the live version's: no need to train it again.
            contentAt(liveVersion).then((c) => ({
              version: liveVersion,
              kb: kb(c),
              model: answering.model,
              trainingSeconds: answering.trainedMs / 1000,
            }))
          : contentAt(liveVersion).then((c) => trained(liveVersion, kb(c))),
    ]);
    return { report: await runRegression(cases, candidate, live), candidate };
  }

  function refuseIfBroken(report: RegressionReport, confirm: boolean | undefined): void {
    if (report.broken.length > 0 && !confirm) {
      throw reasonedError(
        'PUBLISH_BLOCKED',
        'publish.blocked',
        { version: report.candidateVersion, broken: report.broken.length, live: report.liveVersion },
        report,
      );
    }
  }

  /** Makes `version` live and answers from the model trained on its entries for the regression run. */
  async function goLive(version: number, author: string, candidate: KbAtVersion): Promise<number> {
    if (!(await storage.kb.publish(version, author, clock()))) {
      throw reasonedError('INVALID_STATE', 'publish.superseded', { version });
    }
    const active: ActiveModel = {
      model: candidate.model,
      kbVersion: version,
      entries: new Map(candidate.kb.entries.map((e) => [e.id, e])),
      trainedMs: Math.round(candidate.trainingSeconds * 1000),
    };
    // The caller's next question is answered by the new version at once.
    models.adopt(active);
    void bus.publish({ type: 'kb-published', version }).catch(onError);
    return models.current().kbVersion;
  }

  async function publish(options: PublishOptions, author: string): Promise<PublishResult> {
    const [current, liveVersion] = await Promise.all([
      storage.kb.currentVersion(),
      storage.kb.publishedVersion(),
    ]);
    const version = options.version ?? current;
    if (version < 1) throw reasonedError('INVALID_STATE', 'publish.no-version');
    const { report, candidate } = await check(version, await contentAt(version));
    if (options.dryRun) return { published: false, version, liveVersion, report };
    if (version < liveVersion) {
      throw reasonedError('INVALID_STATE', 'publish.older-than-live', { version, live: liveVersion });
    }
    if (version === liveVersion) throw reasonedError('INVALID_STATE', 'publish.already-live', { version });
    refuseIfBroken(report, options.confirm);
    return { published: true, version, liveVersion: await goLive(version, author, candidate), report };
  }

  /**
   * Makes a new version whose entries are those of `version`. With `publish`, the regression run comes
   * first, so a refused publish leaves everything as it was.
   */
  async function rollback(
    version: number,
    author: string,
    options: { publish?: boolean; confirm?: boolean } = {},
  ): Promise<RollbackResult> {
    const content = await contentAt(version);
    const checked = options.publish ? await check((await storage.kb.currentVersion()) + 1, content) : null;
    const report = checked?.report ?? null;
    if (report) refuseIfBroken(report, options.confirm);
    const created = await storage.kb.replaceAll(
      { ...(await storage.kb.meta()), negatives: content.negatives },
      content.entries,
      author,
      `rollback to version ${version}`,
      clock(),
    );
    void bus.publish({ type: 'kb-changed', version: created }).catch(onError);
    if (report) report.candidateVersion = created;
    const liveVersion = checked
      ? await goLive(created, author, checked.candidate)
      : await storage.kb.publishedVersion();
    return {
      version: created,
      rolledBackTo: version,
      published: Boolean(options.publish),
      liveVersion,
      report,
    };
  }

  return { history, diff, publish, rollback };
}

export type KbPublishing = ReturnType<typeof createKbPublishing>;
