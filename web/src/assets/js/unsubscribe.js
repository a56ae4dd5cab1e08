// /unsubscribe?token=...: no more proposals (POST /unsubscribe with a JSON body).
import { tokenPage } from './token-page.js';
import { t } from './i18n.js';

tokenPage({
  submit: (token) => ({ method: 'POST', path: '/unsubscribe', body: { token } }),
  success: () => ({ title: t('unsubscribe.success.title'), text: t('unsubscribe.success.text') }),
});
