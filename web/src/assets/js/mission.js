// /mission: an organisation submits a mission (POST /missions).
import { startPage } from './page.js';
import { lang, t, onLanguageChange } from './i18n.js';
import { call } from './api.js';
import { busy, clearErrors, readForm, showNotice, showProblem } from './forms.js';
import { enhanceLists } from './lists.js';
import { loadVocabulary } from './vocab.js';

startPage();
const form = document.getElementById('mission-form');
const status = document.getElementById('status');
const summary = document.getElementById('error-summary');
onLanguageChange(enhanceLists(form));
loadVocabulary();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  busy(form, async () => {
    const body = readForm(form);
    body.locale = lang();
    const answer = await call('POST', '/missions', { body });
    if (!answer.ok) {
      showProblem(form, summary, answer.problem);
      return;
    }
    clearErrors(form, summary);
    form.hidden = true;
    const state = answer.data && answer.data.status === 'PUBLISHED' ? 'PUBLISHED' : 'PENDING_REVIEW';
    showNotice(status, {
      title: t('mission.success.title'),
      text: t(`mission.success.${state}`),
      links: [{ href: '/mission', text: t('mission.success.another') }],
    });
  });
});
