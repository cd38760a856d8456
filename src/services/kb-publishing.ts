// The KB's lifecycle beyond single edits: version history with what each version changed, the diff of
// any two versions, publishing a draft version after its regression run, and rollback (which makes a
// new version: history is never rewritten). Publishing retrains the live model before it returns.
import { countDiff, diffKb, type KbDiff, type KbDiffCounts } from '../domain/kb-diff.js';
import type { KbEntry } from '../engine/types.js';
import { AppError } from '../errors.js';
import type { KbVersion } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import { runRegression, type RegressionReport } from './regression-run.js';

export interface VersionHistoryItem extends KbVersion {
  /** Against the version before it. */
  changes: KbDiffCounts;
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

export interface PublishResult {
  published: boolean;
  version: number;
  /** The version the bot answers from after this call. */
  liveVersion: number;
  report: RegressionReport;
}

export function createKbPublishing(ctx: ServiceContext, onError: (err: unknown) => void) {
  const { storage, clock, models, bus } = ctx;

  async function entriesAt(version: number): Promise<KbEntry[]> {
    const entries = await storage.kb.snapshot(version);
    if (!entries) throw new AppError('NOT_FOUND', `no KB version ${version}`);
    return entries;
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
    const snapshots = new Map<number, KbEntry[]>();
    const at = async (v: number): Promise<KbEntry[]> => {
      let entries = snapshots.get(v);
      if (!entries) {
        entries = (await storage.kb.snapshot(v)) ?? [];
        snapshots.set(v, entries);
      }
      return entries;
    };
    const items: VersionHistoryItem[] = [];
    for (const v of [...versions].reverse()) {
      const changes = countDiff(diffKb(await at(v.version - 1), await at(v.version)));
      items.push({ ...v, changes, live: v.version === liveVersion });
    }
    return { version, liveVersion, versions: items.reverse() };
  }

  async function diff(
    from: number,
    to: number,
  ): Promise<KbDiff & { from: number; to: number; counts: KbDiffCounts }> {
    const [before, after] = await Promise.all([entriesAt(from), entriesAt(to)]);
    const d = diffKb(before, after);
    return { from, to, counts: countDiff(d), ...d };
  }

  /** The regression run of a candidate (entries as at `version`) against the live version. */
  async function check(version: number, entries: KbEntry[]): Promise<RegressionReport> {
    const [meta, liveVersion, cases] = await Promise.all([
      storage.kb.meta(),
      storage.kb.publishedVersion(),
      storage.regressionCases.list(),
    ]);
    const kb = (list: KbEntry[]) => ({ name: meta.name, locale: meta.locale, entries: list });
    const live = liveVersion > 0 ? { version: liveVersion, kb: kb(await entriesAt(liveVersion)) } : null;
    return runRegression(cases, { version, kb: kb(entries) }, live);
  }

  function refuseIfBroken(report: RegressionReport, confirm: boolean | undefined): void {
    if (report.broken.length > 0 && !confirm) {
      throw new AppError(
        'PUBLISH_BLOCKED',
        `publishing version ${report.candidateVersion} breaks ${report.broken.length} regression case(s) that pass on the live version ${report.liveVersion}; send confirm: true to publish anyway`,
        report,
      );
    }
  }

  async function goLive(version: number, author: string): Promise<number> {
    if (!(await storage.kb.publish(version, author, clock()))) {
      throw new AppError(
        'INVALID_STATE',
        `version ${version} cannot go live: a newer version was published meanwhile`,
      );
    }
    // Awaited, so the caller's next question is answered by the new version; a failed training keeps
    // the previous model answering and is logged.
    await models.reload().catch(onError);
    void bus.publish({ type: 'kb-published', version }).catch(onError);
    return models.current().kbVersion;
  }

  async function publish(options: PublishOptions, author: string): Promise<PublishResult> {
    const [current, liveVersion] = await Promise.all([
      storage.kb.currentVersion(),
      storage.kb.publishedVersion(),
    ]);
    const version = options.version ?? current;
    if (version < 1) throw new AppError('INVALID_STATE', 'the knowledge base has no version to publish yet');
    const report = await check(version, await entriesAt(version));
    if (options.dryRun) return { published: false, version, liveVersion, report };
    if (version < liveVersion) {
      throw new AppError(
        'INVALID_STATE',
        `version ${version} is older than the live version ${liveVersion}: roll back to it instead (that makes a new version)`,
      );
    }
    if (version === liveVersion) throw new AppError('INVALID_STATE', `version ${version} is already live`);
    refuseIfBroken(report, options.confirm);
    return { published: true, version, liveVersion: await goLive(version, author), report };
  }

  /**
   * Makes a new version whose entries are those of `version`. With `publish`, the regression run comes
   * first, so a refused publish leaves everything as it was.
   */
  async function rollback(
    version: number,
    author: string,
    options: { publish?: boolean; confirm?: boolean } = {},
  ): Promise<{
    version: number;
    rolledBackTo: number;
    published: boolean;
    liveVersion: number;
    report: RegressionReport | null;
  }> {
    const entries = await entriesAt(version);
    const report = options.publish ? await check((await storage.kb.currentVersion()) + 1, entries) : null;
    if (report) refuseIfBroken(report, options.confirm);
    const created = await storage.kb.replaceAll(
      await storage.kb.meta(),
      entries,
      author,
      `rollback to version ${version}`,
      clock(),
    );
    void bus.publish({ type: 'kb-changed', version: created }).catch(onError);
    if (report) report.candidateVersion = created;
    const liveVersion = options.publish ? await goLive(created, author) : await storage.kb.publishedVersion();
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
