// /interest?token=...: "I'm interested" (POST /interests). Shows the mission when the link names it.
import { tokenPage } from './token-page.js';
import { t } from './i18n.js';

tokenPage({
  showMission: 'public',
  submit: (token) => ({ method: 'POST', path: '/interests', body: { token } }),
  success: () => ({ title: t('interest.success.title'), text: t('interest.success.text') }),
});
