// /admin: the admins' desk. Without a token, a form asks for a sign-in link (POST /admin/link);
// the link's token (?token=) is kept in this tab's sessionStorage only and leaves the address
// bar. With it: the missions to review (approve, or reject with a reason), the published
// missions nobody was interested in after a week (the API's "quiet", decided by the server's
// clock), and the platform's figures with small charts.
import { forgetQuery, param, startPage } from './page.js';
import { lang, onLanguageChange, t } from './i18n.js';
import { call } from './api.js';
import { busy, readForm, showNotice, showProblem } from './forms.js';
import { barChart } from './charts.js';

const KEY = 'socialdeclik.admin';
const state = { queue: null, published: null, stats: null };

function keep(token) {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // storage off: the link works for this page only
  }
}

function saved() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function forget() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

function el(name, text, className) {
  const element = document.createElement(name);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

function day(iso) {
  return iso ? new Date(iso).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }) : '';
}

function signIn(expired) {
  forget();
  document.getElementById('desk').hidden = true;
  const form = document.getElementById('link-form');
  form.hidden = false;
  if (expired) {
    showNotice(document.getElementById('status'), { title: t('admin.expired.title'), text: t('admin.expired.text'), kind: 'info' });
  }
}

async function load(token) {
  const [queue, published, stats] = await Promise.all([
    call('GET', '/admin/missions?status=PENDING_REVIEW', { bearer: token }),
    call('GET', '/admin/missions?status=PUBLISHED', { bearer: token }),
    call('GET', '/admin/stats', { bearer: token }),
  ]);
  if ([queue, published, stats].some((answer) => answer.status === 401)) {
    signIn(true);
    return;
  }
  for (const answer of [queue, published, stats]) {
    if (!answer.ok) {
      showProblem(null, document.getElementById('error-summary'), answer.problem);
      return;
    }
  }
  state.queue = queue.data;
  state.published = published.data;
  state.stats = stats.data;
  document.getElementById('desk').hidden = false;
  render(token);
}

function render(token) {
  renderQueue(token);
  renderQuiet();
  renderStats();
}

function missionHeader(article, mission, headingId) {
  const heading = el('h3', mission.title);
  heading.id = headingId;
  const org = mission.organization || {};
  article.append(heading, el('p', t('admin.mission.by', { org: org.name || '', email: org.email || '' })));
  const facts = el('p', `${t('admin.mission.submitted', { date: day(mission.createdAt) })} · ${t('admin.mission.skills', {
    skills: (mission.skills || []).join(', ') })}`);
  article.append(facts);
}

/** The missions as a list in box, each item's content made by `content`; or the sentence saying there is none (null). */
function missionList(box, missions, { tag, className, empty, content }) {
  if (!missions.length) {
    box.replaceChildren(el('p', t(empty)));
    return null;
  }
  const list = el(tag, undefined, className);
  for (const mission of missions) {
    const item = el('li');
    item.append(...content(mission));
    list.append(item);
  }
  return list;
}

function renderQueue(token) {
  const box = document.getElementById('queue');
  const missions = state.queue || [];
  const list = missionList(box, missions, { tag: 'ol', className: 'queue', empty: 'admin.queue.empty', content: (mission) => {
    const article = el('article', undefined, 'card');
    const headingId = `mission-${mission.id}`;
    article.setAttribute('aria-labelledby', headingId);
    missionHeader(article, mission, headingId);
    const details = el('details');
    details.append(el('summary', t('admin.mission.description')), el('p', mission.description || '', 'prewrap'));
    article.append(details, reviewForm(token, mission));
    return [article];
  } });
  if (list) box.replaceChildren(el('p', t('admin.queue.count', { n: missions.length })), list);
}

function reviewForm(token, mission) {
  const form = el('form');
  form.noValidate = true;
  form.dataset.mission = mission.id;
  const field = el('div', undefined, 'field');
  field.dataset.field = 'reason';
  const reasonId = `reason-${mission.id}`;
  const label = el('label', t('admin.reason'));
  label.htmlFor = reasonId;
  const reason = el('textarea');
  reason.id = reasonId;
  reason.name = 'reason';
  reason.maxLength = 1000;
  field.append(label, reason);
  const actions = el('div', undefined, 'actions');
  for (const [decision, className] of [['APPROVE', 'primary'], ['REJECT', 'danger']]) {
    const button = el('button', t(decision === 'APPROVE' ? 'admin.approve' : 'admin.reject'), className);
    button.type = 'submit';
    button.name = 'decision';
    button.value = decision;
    actions.append(button);
  }
  const outcome = el('div');
  outcome.setAttribute('role', 'status');
  form.append(field, actions, outcome);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision = event.submitter ? event.submitter.value : 'APPROVE';
    const { reason: text } = readForm(form);
    const summary = document.getElementById('error-summary');
    if (decision === 'REJECT' && !text) {
      showProblem(form, summary, { title: t('admin.reason.required'), detail: '', errors: [{ field: 'reason', message: t('admin.reason.required') }] });
      return;
    }
    busy(form, async () => {
      const body = text ? { decision, reason: text } : { decision };
      const answer = await call('POST', `/missions/${encodeURIComponent(mission.id)}/review`, { body, bearer: token });
      if (answer.status === 401) {
        signIn(true);
        return;
      }
      if (!answer.ok) {
        showProblem(form, summary, answer.problem);
        return;
      }
      summary.replaceChildren();
      state.queue = state.queue.filter((m) => m.id !== mission.id);
      const done = t(`admin.done.${answer.data.status === 'REJECTED' ? 'REJECTED' : 'PUBLISHED'}`, { title: mission.title });
      renderQueue(token);
      showNotice(document.getElementById('status'), { title: done });
    });
  });
  return form;
}

function renderQuiet() {
  const box = document.getElementById('quiet');
  const quiet = (state.published || []).filter((m) => m.quiet);
  const list = missionList(box, quiet, { tag: 'ul', className: 'quiet', empty: 'admin.quiet.empty', content: (mission) => [
    el('strong', mission.title), el('span', ` · ${t('admin.mission.published', { date: day(mission.publishedAt) })} · ${t(
      'admin.mission.proposed', { n: mission.proposedCount ?? 0 })}`)] });
  if (list) box.replaceChildren(list);
}

function renderStats() {
  const s = state.stats;
  const box = document.getElementById('stats');
  if (!s) return;
  const none = t('admin.stats.none');
  const figures = [
    ['admin.stats.submitted', s.missions.submitted], ['admin.stats.published', s.missions.published],
    ['admin.stats.withInterest', s.missions.withInterest], ['admin.stats.verified', s.freelancers.verified],
    ['admin.stats.proposals', s.proposals], ['admin.stats.interests', s.interests],
    ['admin.stats.rate', s.interestRate === undefined ? none : `${Math.round(s.interestRate * 1000) / 10} %`],
    ['admin.stats.median', s.medianHoursToFirstInterest === undefined ? none : t('admin.stats.median.value', { n: s.medianHoursToFirstInterest })],
  ];
  const dl = el('dl', undefined, 'figures');
  for (const [key, value] of figures) {
    dl.append(el('dt', t(key)), el('dd', String(value)));
  }
  const en = lang() === 'en';
  const empty = t('admin.chart.empty');
  const regions = s.freelancers.byRegion.map((r) => ({ label: en ? r.en : r.fr, value: r.count }));
  const skills = s.freelancers.topSkills.map((r) => ({ label: en ? r.en : r.fr, value: r.count }));
  const outcomes = Object.entries(s.missions.closedByOutcome || {}).map(([outcome, count]) => ({
    label: t(`admin.outcome.${outcome}`), value: count }));
  box.replaceChildren(dl, barChart(t('admin.chart.regions'), regions, empty), barChart(t('admin.chart.skills'), skills, empty),
    barChart(t('admin.chart.outcomes'), outcomes, empty));
}

startPage();
const fromLink = param('token');
if (fromLink) {
  keep(fromLink);
  forgetQuery();
}
const token = fromLink || saved();
document.getElementById('link-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  busy(form, async () => {
    const answer = await call('POST', '/admin/link', { body: { ...readForm(form), locale: lang() } });
    if (!answer.ok) {
      showProblem(form, document.getElementById('error-summary'), answer.problem);
      return;
    }
    document.getElementById('error-summary').replaceChildren();
    showNotice(document.getElementById('status'), { title: t('admin.link.sent.title'), text: t('admin.link.sent.text') });
  });
});
document.getElementById('sign-out').addEventListener('click', () => signIn(false));
if (token) {
  load(token);
  onLanguageChange(() => {
    if (state.stats) render(saved() || token);
  });
} else {
  signIn(false);
}
