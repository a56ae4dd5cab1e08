// /manage-mission?mission=...&token=...: the organisation sees its mission and closes it
// (POST /missions/{id}/close).
import { tokenPage } from './token-page.js';
import { t } from './i18n.js';

tokenPage({
  showMission: 'token',
  submit: (token, mission) => ({
    method: 'POST',
    path: `/missions/${encodeURIComponent(mission)}/close`,
    body: { token },
  }),
  success: () => ({ title: t('manage.success.title'), text: t('manage.success.text') }),
});
