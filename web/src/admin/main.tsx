// Entry of `/admin`: the knowledge-base admin console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import '../shared/login.css';
import './admin.css';
import './admin-pages.css';
import { AdminApp } from './admin-app.js';
import { I18nProvider } from './messages.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AdminApp />
    </I18nProvider>
  </StrictMode>,
);
