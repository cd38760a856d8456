// The demo storefront of the fictional 悦购商城 that hosts the chat widget. Nothing here is functional.
import { LocaleSwitch } from '../shared/i18n.js';
import { useI18n } from './messages.js';

interface Product {
  name: { 'zh-CN': string; en: string };
  price: number;
  was?: number;
  hue: number;
  icon: string;
}

const PRODUCTS: Product[] = [
  {
    name: { 'zh-CN': '轻羽保暖羽绒服', en: 'Featherlight down jacket' },
    price: 599,
    was: 799,
    hue: 212,
    icon: 'M7 3h10l3 5-3 2v11H7V10L4 8z',
  },
  {
    name: { 'zh-CN': '降噪蓝牙耳机 Pro', en: 'Noise-cancelling earbuds Pro' },
    price: 399,
    hue: 262,
    icon: 'M6 13a6 6 0 0 1 12 0v5a2 2 0 0 1-2 2h-1v-7h3M6 13v7H5a2 2 0 0 1-2-2v-5h3',
  },
  {
    name: { 'zh-CN': '家用智能电饭煲 4L', en: 'Smart rice cooker 4L' },
    price: 329,
    was: 459,
    hue: 24,
    icon: 'M4 10h16v7a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3zM6 10a6 4 0 0 1 12 0M12 4v2',
  },
  {
    name: { 'zh-CN': '有机高山绿茶礼盒', en: 'Organic highland green tea' },
    price: 168,
    hue: 146,
    icon: 'M5 8h12v6a6 6 0 0 1-12 0zM17 9h1.5a2.5 2.5 0 0 1 0 5H17M8 3c0 2 2 2 2 4M12 3c0 2 2 2 2 4',
  },
];

export function Shop() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="shop">
      <a className="skip-link" href="#zw-input">
        {t('widget.input.label')}
      </a>
      <header className="shop-header">
        <div className="shop-brand">
          <span className="shop-logo" aria-hidden="true">
            悦
          </span>
          <div>
            <strong>{t('shop.name')}</strong>
            <span>{t('shop.tagline')}</span>
          </div>
        </div>
        <nav aria-label={t('shop.name')}>
          <a href="#top">{t('shop.nav.home')}</a>
          <a href="#products">{t('shop.nav.new')}</a>
          <a href="#products">{t('shop.nav.deals')}</a>
          <a href="#zhida-chat">{t('shop.nav.service')}</a>
        </nav>
        <LocaleSwitch locale={locale} setLocale={setLocale} label={t('lang.label')} />
      </header>
      <main id="top">
        <section className="shop-hero">
          <h1>{t('shop.hero.title')}</h1>
          <p>{t('shop.hero.text')}</p>
          <a className="shop-cta" href="#products">
            {t('shop.hero.cta')}
          </a>
        </section>
        <section id="products" className="shop-products" aria-labelledby="products-title">
          <h2 id="products-title">{t('shop.products')}</h2>
          <ul>
            {PRODUCTS.map((product) => (
              <li key={product.name.en} className="shop-card">
                <div
                  className="shop-card-image"
                  style={{
                    background: `linear-gradient(135deg, hsl(${product.hue} 85% 94%), hsl(${product.hue} 70% 84%))`,
                    color: `hsl(${product.hue} 55% 38%)`,
                  }}
                  aria-hidden="true"
                >
                  <svg viewBox="0 0 24 24" width="64" height="64">
                    <path
                      d={product.icon}
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.4"
                      strokeLinejoin="round"
                      strokeLinecap="round"
                    />
                  </svg>
                </div>
                <h3>{product.name[locale]}</h3>
                <p className="shop-price">
                  <span>¥{product.price}</span>
                  {product.was && <s>¥{product.was}</s>}
                </p>
                <button type="button" className="shop-add">
                  {t('shop.addToCart')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="shop-footer">{t('shop.footer')}</footer>
    </div>
  );
}
