// The pages email links open: they read `token` (and `mission`) from the address, show what they
// can, and act only when the person clicks (a link scanner fetching the page does nothing).
import { startPage, param } from './page.js';
import { onLanguageChange, t } from './i18n.js';
import { call } from './api.js';
import { busy, readForm, showNotice, showProblem } from './forms.js';
import { renderMission, renderUnavailable } from './mission-view.js';

/**
 * options.submit(token, missionId, body) -> {method, path, body}: the API call the form makes.
 * options.success(answer) -> {title, text, links}: what to say when it worked.
 * options.failure(answer) -> optional links to add under the problem.
 * options.showMission: whether to show the mission (GET /missions/{id} with the token).
 */
export function tokenPage(options) {
  startPage();
  const token = param('token');
  const missionId = param('mission');
  const form = document.getElementById('action-form');
  const status = document.getElementById('status');
  const summary = document.getElementById('error-summary');
  const needsMission = form.hasAttribute('data-needs-mission');

  if (!token || (needsMission && !missionId)) {
    form.hidden = true;
    showProblem(null, summary, { title: t('token.missing.title'), detail: t('token.missing.detail'), errors: [] });
    return;
  }

  const view = document.getElementById('mission-view');
  if (view && missionId && options.showMission) {
    let mission;
    let problem;
    const render = () => {
      if (mission) renderMission(view, mission);
      else if (problem) renderUnavailable(view, missionId, problem);
    };
    const path = `/missions/${encodeURIComponent(missionId)}`;
    call('GET', path, options.showMission === 'public' ? {} : { bearer: token }).then((answer) => {
      if (answer.ok) mission = answer.data;
      else if (options.showMission !== 'public') problem = answer.problem;
      render();
    });
    onLanguageChange(render);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form, async () => {
      const request = options.submit(token, missionId, readForm(form));
      const answer = await call(request.method, request.path, { body: request.body });
      if (!answer.ok) {
        showProblem(form, summary, answer.problem);
        const links = options.failure ? options.failure(answer) : [];
        if (links.length) {
          const box = summary.querySelector('.notice');
          for (const link of links) {
            const p = document.createElement('p');
            const a = document.createElement('a');
            a.href = link.href;
            a.textContent = link.text;
            p.append(a);
            box.append(p);
          }
        }
        if (answer.status === 409 || answer.status === 401 || answer.status === 403) {
          form.hidden = true;
        }
        return;
      }
      summary.replaceChildren();
      form.hidden = true;
      showNotice(status, options.success(answer));
      if (options.after) options.after(answer);
    });
  });
}
