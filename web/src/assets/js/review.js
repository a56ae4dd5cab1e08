// /review?mission=...&token=...: an admin approves or rejects a mission
// (POST /missions/{id}/review), seeing it first (GET /missions/{id} with the review token).
import { tokenPage } from './token-page.js';
import { t } from './i18n.js';

tokenPage({
  showMission: 'token',
  submit: (token, mission, fields) => ({
    method: 'POST',
    path: `/missions/${encodeURIComponent(mission)}/review`,
    body: { token, ...fields },
  }),
  success: (answer) => {
    const state = answer.data && answer.data.status === 'REJECTED' ? 'REJECTED' : 'PUBLISHED';
    return { title: t(`review.success.${state}.title`), text: t(`review.success.${state}.text`) };
  },
});
