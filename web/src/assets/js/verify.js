// /verify?token=...: confirms a new profile (POST /profiles/verify). The access token it answers
// is kept for this tab only (sessionStorage), so /me opens signed in.
import { tokenPage } from './token-page.js';
import { forgetQuery } from './page.js';
import { t } from './i18n.js';
import { keepAccess } from './session.js';

tokenPage({
  submit: (token) => ({ method: 'POST', path: '/profiles/verify', body: { token } }),
  success: () => ({
    title: t('verify.success.title'),
    text: t('verify.success.text'),
    links: [{ href: '/me', text: t('verify.success.link'), id: 'to-profile' }],
  }),
  after: (answer) => {
    keepAccess(answer.data.accessToken, answer.data.expiresAt);
    forgetQuery();
  },
  failure: (answer) => (answer.status === 409 || answer.status === 401
    ? [{ href: '/me', text: t('verify.used') }] : []),
});
