// /profile: a freelancer creates a profile (POST /profiles); the answer is the same whether the
// address is known or not, and so is this page's message.
import { startPage } from './page.js';
import { lang, t, onLanguageChange } from './i18n.js';
import { call } from './api.js';
import { busy, clearErrors, readForm, showNotice, showProblem } from './forms.js';
import { enhanceLists } from './lists.js';
import { loadVocabulary } from './vocab.js';

startPage();
const form = document.getElementById('profile-form');
const status = document.getElementById('status');
const summary = document.getElementById('error-summary');
const locale = document.getElementById('locale');
let localeTouched = false;
locale.value = lang();
locale.addEventListener('change', () => { localeTouched = true; });
onLanguageChange((language) => { if (!localeTouched) locale.value = language; });
onLanguageChange(enhanceLists(form));
loadVocabulary();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  busy(form, async () => {
    const body = readForm(form);
    const answer = await call('POST', '/profiles', { body });
    if (!answer.ok) {
      showProblem(form, summary, answer.problem);
      return;
    }
    clearErrors(form, summary);
    form.hidden = true;
    showNotice(status, { title: t('profile.success.title'), text: t('profile.success.text', { email: body.email }) });
  });
});
