// /manage-mission?mission=...&token=...: the organisation sees its mission and closes it, saying
// how it ended if it wishes (POST /missions/{id}/close with an optional outcome).
import { tokenPage } from './token-page.js';
import { t } from './i18n.js';

tokenPage({
  showMission: 'token',
  submit: (token, mission, form) => ({
    method: 'POST',
    path: `/missions/${encodeURIComponent(mission)}/close`,
    body: form.outcome ? { token, outcome: form.outcome } : { token },
  }),
  success: () => ({ title: t('manage.success.title'), text: t('manage.success.text') }),
});
