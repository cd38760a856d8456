// Entry of `/console`: the agent console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import '../shared/login.css';
import './console.css';
import './conversation-list.css';
import './conversation-pane.css';
import './conversation-side.css';
import './console-pages.css';
import { ConsoleApp } from './console-app.js';
import { I18nProvider } from './messages.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ConsoleApp />
    </I18nProvider>
  </StrictMode>,
);
