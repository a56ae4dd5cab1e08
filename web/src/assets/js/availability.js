// /availability?answer=AVAILABLE|PAUSE&token=...: "still available?" from its email, answered with
// one click on the page (POST /profiles/availability with the token); the email's button chose
// the answer, the person may change it, and a pause may end on a date of their choice.
import { tokenPage } from './token-page.js';
import { lang, t } from './i18n.js';
import { param } from './page.js';
import { answerBody, pauseUntil, sayDay } from './pause-until.js';

const until = pauseUntil(document.getElementById('until-field'));
const choice = (answer) => document.getElementById(`answer-${answer}`);
if (param('answer') === 'PAUSE') choice('PAUSE').checked = true;
const follow = () => until.show(choice('PAUSE').checked);
for (const answer of ['AVAILABLE', 'PAUSE']) choice(answer).addEventListener('change', follow);
follow();

tokenPage({
  submit: (token, missionId, body) => ({ method: 'POST', path: '/profiles/availability', body: { token, ...answerBody(body) } }),
  success: (answer) => {
    const links = [{ href: '/me', text: t('availability.success.me') }];
    if (answer.data.availabilityStatus === 'PAUSED') {
      return {
        title: t('availability.success.paused.title'),
        text: answer.data.pausedUntil ? t('availability.success.paused.text', { date: sayDay(answer.data.pausedUntil, lang()) }) : '',
        links,
      };
    }
    return { title: t('availability.success.available.title'), text: t('availability.success.available.text'), links };
  },
});
