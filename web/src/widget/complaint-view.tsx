// 投诉/反馈: file a complaint about this conversation, follow each ticket's status and history (refreshed
// while the view is open), and see plainly where to go next if the business does not settle it.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ComplaintItem } from './complaint-item.js';
import { EscalationGuideView } from './escalation-guide.js';
import { useI18n, type WidgetKey } from './messages.js';
import { serviceApi, type Complaint, type EscalationGuide } from './service-api.js';
import type { Session } from './session.js';

/** Categories are sent in Chinese whatever the UI language, so agents can sort by them. */
const CATEGORIES: Array<{ key: WidgetKey; value: string }> = [
  { key: 'complaint.cat.service', value: '服务态度' },
  { key: 'complaint.cat.quality', value: '商品质量' },
  { key: 'complaint.cat.refund', value: '退款与售后' },
  { key: 'complaint.cat.delivery', value: '物流配送' },
  { key: 'complaint.cat.advert', value: '价格或宣传不符' },
  { key: 'complaint.cat.other', value: '其他问题' },
];
const REFRESH_MS = 5_000;

export function ComplaintView({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [complaints, setComplaints] = useState<Complaint[] | null>(null);
  const [guide, setGuide] = useState<EscalationGuide | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const data = await serviceApi.complaints(session);
      setComplaints(data.complaints);
      setGuide((shown) => shown ?? data.escalation);
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
    }
  }, [session]);

  // The routes in the language the customer reads now (the conversation's own may differ).
  useEffect(() => {
    let live = true;
    serviceApi
      .escalation(locale)
      .then((g) => live && setGuide(g))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [locale]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!category || !description.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      const created = await serviceApi.fileComplaint(session, category, description.trim());
      setCategory('');
      setDescription('');
      setMessage({ kind: 'ok', text: t('complaint.filed', { id: created.id }) });
      await load();
    } catch {
      setMessage({ kind: 'error', text: t('complaint.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zw-service">
      <p className="zw-service-intro">{t('complaint.intro')}</p>

      <section className="zw-card" aria-labelledby={`${id}-mine`}>
        <div className="zw-card-head">
          <h3 id={`${id}-mine`} className="zw-card-title">
            {t('complaint.mine')}
          </h3>
          <button type="button" className="zw-btn zw-btn--small" onClick={() => void load()}>
            {t('complaint.refresh')}
          </button>
        </div>
        {loadFailed && (
          <p className="zw-form-error" role="alert">
            {t('complaint.loadFailed')}
          </p>
        )}
        {complaints?.length === 0 && <p>{t('complaint.none')}</p>}
        {complaints && complaints.length > 0 && (
          <ul className="zw-complaints">
            {complaints.map((complaint) => (
              <ComplaintItem
                key={complaint.id}
                complaint={complaint}
                onComment={async (text) => {
                  await serviceApi.comment(session, complaint.id, text);
                  await load();
                }}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="zw-card" aria-labelledby={`${id}-new`}>
        <form onSubmit={submit} className="zw-form">
          <h3 id={`${id}-new`} className="zw-card-title">
            {t('complaint.new')}
          </h3>
          <label className="zw-field">
            <span>{t('complaint.category')}</span>
            <select required value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('complaint.category.choose')}</option>
              {CATEGORIES.map((c) => (
                <option key={c.value} value={c.value}>
                  {t(c.key)}
                </option>
              ))}
            </select>
          </label>
          <label className="zw-field">
            <span>{t('complaint.description')}</span>
            <textarea
              required
              rows={4}
              maxLength={5000}
              aria-describedby={`${id}-desc-hint`}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
            <small id={`${id}-desc-hint`}>{t('complaint.description.hint')}</small>
          </label>
          <div role="status">
            {message && (
              <p className={message.kind === 'ok' ? 'zw-form-ok' : 'zw-form-error'}>{message.text}</p>
            )}
          </div>
          <button
            type="submit"
            className="zw-btn zw-btn--primary"
            disabled={busy || !category || !description.trim()}
          >
            {t('complaint.submit')}
          </button>
        </form>
      </section>

      {guide && <EscalationGuideView guide={guide} />}
    </div>
  );
}
