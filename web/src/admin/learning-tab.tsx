// The learning loop: clusters of questions the bot could not answer, answers customers rated 👎, and
// agents' save-to-KB proposals waiting for review.
import { useState } from 'react';
import type { AdminKb, ClusterList } from './admin-types.js';
import { ClusterCard } from './cluster-card.js';
import { EntryRatings } from './entry-ratings.js';
import { useI18n, type AdminKey } from './messages.js';
import { Proposals } from './proposals.js';
import { useReviewQueue } from './use-review-queue.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

const VIEWS = ['clusters', 'ratings', 'proposals'] as const;
type View = (typeof VIEWS)[number];
const LABEL: Record<View, AdminKey> = {
  clusters: 'learning.nav.clusters',
  ratings: 'learning.nav.ratings',
  proposals: 'learning.nav.proposals',
};
/** Minutes east of UTC of this browser, for the clusters' day boundaries. */
const tzOffset = () => -new Date().getTimezoneOffset();

function Clusters({ kb, reload }: { kb: AdminKb; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [minSize, setMinSize] = useState(1);
  const url = `/api/admin/learning/clusters?minSize=${minSize}&limit=100&tzOffsetMinutes=${tzOffset()}`;
  const { data: list, load, flash, problem, done } = useReviewQueue<ClusterList>(url, reload);

  return (
    <>
      <PageHead
        title={t('learning.clustersTitle')}
        intro={
          list
            ? t('learning.clustersIntro', { open: list.openQuestions, clusters: list.clusters.length })
            : ''
        }
      >
        <div className="page-actions">
          <label className="field field--inline">
            <span>{t('learning.minSize')}</span>
            <select
              className="input"
              value={minSize}
              onChange={(event) => setMinSize(Number(event.target.value))}
            >
              {[1, 2, 3, 5, 10].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => void load()}>
            {t('learning.refresh')}
          </button>
        </div>
      </PageHead>
      <Alerts flash={flash} problem={problem} />
      {list && list.clusters.length === 0 && <p className="admin-empty">{t('learning.noClusters')}</p>}
      <div className="cluster-grid">
        {list?.clusters.map((c) => (
          <ClusterCard key={c.id} cluster={c} kb={kb} onDone={done} />
        ))}
      </div>
    </>
  );
}

export function LearningTab({
  kb,
  reload,
  sub,
  openEntry,
}: {
  kb: AdminKb;
  reload: () => Promise<void>;
  sub: string;
  openEntry: (id: string) => void;
}) {
  const { t } = useI18n();
  const view: View = (VIEWS as readonly string[]).includes(sub) ? (sub as View) : 'clusters';
  return (
    <div className="admin-section">
      <nav className="subnav" aria-label={t('learning.nav.label')}>
        {VIEWS.map((v) => (
          <a
            key={v}
            href={`#/learning/${v}`}
            aria-current={v === view ? 'page' : undefined}
            className={v === view ? 'is-active' : undefined}
          >
            {t(LABEL[v])}
          </a>
        ))}
      </nav>
      <main className="admin-page" id="main">
        {view === 'clusters' && <Clusters kb={kb} reload={reload} />}
        {view === 'ratings' && <EntryRatings openEntry={openEntry} />}
        {view === 'proposals' && <Proposals kb={kb} reload={reload} />}
      </main>
    </div>
  );
}
