// The knowledge-base section: entries, "must not answer" examples, version history, publish, regression
// cases, import/export.
import type { AdminKb } from './admin-types.js';
import { EntriesView } from './entries-view.js';
import { ImportExport } from './import-export.js';
import { useI18n, type AdminKey } from './messages.js';
import { NegativesEditor } from './negatives-editor.js';
import { PublishPanel } from './publish-panel.js';
import { RegressionCases } from './regression-cases.js';
import { VersionHistory } from './version-history.js';

const VIEWS = ['entries', 'negatives', 'versions', 'publish', 'cases', 'files'] as const;
type View = (typeof VIEWS)[number];
const LABEL: Record<View, AdminKey> = {
  entries: 'kbnav.entries',
  negatives: 'kbnav.negatives',
  versions: 'kbnav.versions',
  publish: 'kbnav.publish',
  cases: 'kbnav.cases',
  files: 'kbnav.files',
};

export function KbTab({
  kb,
  reload,
  sub,
  go,
}: {
  kb: AdminKb;
  reload: () => Promise<void>;
  sub: string;
  go: (sub: string) => void;
}) {
  const { t } = useI18n();
  const [first, ...rest] = sub.split('/');
  const view: View = (VIEWS as readonly string[]).includes(first) ? (first as View) : 'entries';
  const param = rest.length ? decodeURIComponent(rest.join('/')) : null;
  return (
    <div className="admin-section">
      <nav className="subnav" aria-label={t('kbnav.label')}>
        {VIEWS.map((v) => (
          <a
            key={v}
            href={`#/kb/${v}`}
            aria-current={v === view ? 'page' : undefined}
            className={v === view ? 'is-active' : undefined}
          >
            {t(LABEL[v])}
            {v === 'publish' && kb.version !== kb.publishedVersion && (
              <>
                <span className="subnav-dot" aria-hidden="true" />
                <span className="visually-hidden">（{t('kb.unpublished')}）</span>
              </>
            )}
          </a>
        ))}
      </nav>
      {view === 'entries' && <EntriesView key={param ?? ''} kb={kb} reload={reload} initialId={param} />}
      {view === 'negatives' && <NegativesEditor kb={kb} reload={reload} />}
      {view === 'versions' && <VersionHistory kb={kb} reload={reload} />}
      {view === 'publish' && <PublishPanel kb={kb} reload={reload} />}
      {view === 'cases' && <RegressionCases kb={kb} />}
      {view === 'files' && <ImportExport kb={kb} reload={reload} onImported={() => go('publish')} />}
    </div>
  );
}
