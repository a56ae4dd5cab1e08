// The availability part of /me: the state in words (available, paused until a day, paused until
// the owner resumes), and one button: pause (until the chosen day) or resume, through
// POST /profiles/availability with the access token.
import { lang, t } from './i18n.js';
import { call } from './api.js';
import { busy, showNotice } from './forms.js';
import { answerBody, pauseUntil, sayDay } from './pause-until.js';

/**
 * Wires the section; answers render(profile), which shows a profile's state.
 * options.bearer() -> the access token; options.onAnswer(data) -> the new state was stored;
 * options.onProblem(answer, form) -> the call failed.
 */
export function availabilitySection({ bearer, status, onAnswer, onProblem }) {
  const form = document.getElementById('availability-form');
  const state = document.getElementById('availability-state');
  const button = document.getElementById('availability-button');
  const until = pauseUntil(document.getElementById('until-field'));
  let paused = false;

  function render(profile) {
    paused = profile.availabilityStatus === 'PAUSED';
    if (!paused) state.textContent = t('me.availability.available');
    else if (profile.pausedUntil) state.textContent = t('me.availability.pausedUntil', { date: sayDay(profile.pausedUntil, lang()) });
    else state.textContent = t('me.availability.paused');
    button.textContent = t(paused ? 'me.availability.resume' : 'me.availability.pause');
    until.show(!paused);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form, async () => {
      const body = answerBody({ answer: paused ? 'AVAILABLE' : 'PAUSE', until: form.elements.until.value });
      const answer = await call('POST', '/profiles/availability', { body, bearer: bearer() });
      if (!answer.ok) {
        onProblem(answer, form);
        return;
      }
      onAnswer(answer.data);
      showNotice(status, { title: t(answer.data.availabilityStatus === 'PAUSED' ? 'me.availability.paused.done' : 'me.availability.resumed.done') });
    });
  });
  return render;
}
