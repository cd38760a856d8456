// The agent's own customer satisfaction (CSAT): average, count and the latest comments.
import type { User } from '../shared/types.js';
import { useI18n } from './messages.js';
import { useResource } from './use-resource.js';

interface Ratings {
  summary: { count: number; average: number | null };
  ratings: Array<{ conversationId: string; score: number; comment: string | null; ratedAt: string }>;
}

export function Stars({ score }: { score: number }) {
  const { t } = useI18n();
  return (
    <span className="stars" role="img" aria-label={t('csat.stars', { n: score })}>
      {'★'.repeat(score)}
      <span className="stars-off">{'★'.repeat(Math.max(0, 5 - score))}</span>
    </span>
  );
}

export function RatingSummary({ me }: { me: User }) {
  const { t } = useI18n();
  const { data } = useResource<Ratings>(
    `/api/agent/ratings?agentId=${encodeURIComponent(me.id)}&limit=3`,
    60_000,
  );
  if (!data) return null;
  const { count, average } = data.summary;
  return (
    <section className="csat-summary" aria-labelledby="csat-title">
      <h2 id="csat-title" className="cl-title">
        {t('csat.mine')}
      </h2>
      {count === 0 || average === null ? (
        <p className="csat-empty">{t('csat.none')}</p>
      ) : (
        <>
          <p className="csat-average">
            <strong>{average.toFixed(1)}</strong> / 5 · {t('csat.count', { n: count })}
          </p>
          <ul className="csat-latest">
            {data.ratings.map((r) => (
              <li key={`${r.conversationId}-${r.ratedAt}`}>
                <Stars score={r.score} />
                {r.comment && <span className="csat-comment">“{r.comment}”</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
