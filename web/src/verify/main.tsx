// Entry of `/verify/`: check a downloaded transcript (signed JSON) for changes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './verify.css';
import { I18nProvider } from './messages.js';
import { VerifyApp } from './verify-app.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <VerifyApp />
    </I18nProvider>
  </StrictMode>,
);
