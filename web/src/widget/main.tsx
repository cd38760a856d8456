// Entry of `/`: the demo shop with the chat widget (open by default on this demo page).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './shop.css';
import './widget.css';
import './messages.css';
import './services.css';
import './care.css';
import { ChatWidget } from './chat-widget.js';
import { I18nProvider } from './messages.js';
import { Shop } from './shop.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Shop />
      <ChatWidget defaultOpen />
    </I18nProvider>
  </StrictMode>,
);
