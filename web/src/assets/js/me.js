// /me: a freelancer's own profile (GET, PUT, DELETE /profiles/me with the access token), its
// export as a JSON file, and the sign-in link request (POST /auth/link) when not signed in.
// The access token comes from /me?token=... (the emailed link) or from /verify, and is kept for
// this tab only (sessionStorage).
import { forgetQuery, param, startPage } from './page.js';
import { lang, onLanguageChange, t } from './i18n.js';
import { call } from './api.js';
import { busy, clearErrors, fillForm, readForm, showNotice, showProblem } from './forms.js';
import { enhanceLists } from './lists.js';
import { loadVocabulary } from './vocab.js';
import { accessToken, forgetAccess, keepAccess } from './session.js';
import { availabilitySection } from './me-availability.js';

const EDITABLE = ['firstName', 'lastName', 'headline', 'bio', 'portfolioUrl', 'skills', 'causes', 'location', 'mobility', 'remote',
  'dailyRate', 'minimumRate', 'proBono', 'availability', 'languages', 'locale', 'consent', 'proposalFrequency'];

startPage();
const status = document.getElementById('status');
const summary = document.getElementById('error-summary');
const signin = document.getElementById('signin');
const signinForm = document.getElementById('signin-form');
const profileArea = document.getElementById('profile');
const form = document.getElementById('profile-form');
const facts = document.getElementById('summary');
const dialog = document.getElementById('delete-dialog');
const email = document.getElementById('email');
const emailHint = document.getElementById('email-hint');
const subscriptionState = document.getElementById('subscription-state');
const subscriptionButton = document.getElementById('subscription');
const proposalList = document.getElementById('proposals');
let current = null;

onLanguageChange(enhanceLists(form));
email.disabled = true; // an address does not change; PUT refuses it
emailHint.removeAttribute('data-i18n');
const explainEmail = () => { emailHint.textContent = t('me.email.fixed'); };
explainEmail();
onLanguageChange(explainEmail);
onLanguageChange(() => { if (current) { renderFacts(current); renderProposals(current); renderAvailability(current); } });

const linkToken = param('token');
if (linkToken) {
  keepAccess(linkToken, null);
  forgetQuery();
}

/** The editable fields of a stored profile, in the shape PUT takes. */
function editable(profile) {
  const body = {};
  for (const name of EDITABLE) {
    if (profile[name] !== undefined && profile[name] !== null) body[name] = profile[name];
  }
  if (profile.location) {
    body.location = profile.location.postalCode ? { postalCode: profile.location.postalCode }
      : { department: profile.location.department };
  }
  return body;
}

function date(value) {
  if (!value) return '';
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return value;
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' })
    .format(parsed);
}

function understood(terms) {
  return (terms || []).map((term) => {
    if (!term.known) return t('me.summary.unknown', { input: term.input });
    const same = term.input.toLocaleLowerCase() === String(term.label).toLocaleLowerCase();
    return same ? term.label : `${term.input} → ${term.label}`;
  });
}

function renderFacts(profile) {
  const rows = [
    ['me.summary.status', t(`profileStatus.${profile.status}`)],
    ['me.summary.email', profile.email],
    ['me.summary.subscription', profile.subscribed === false ? t('me.summary.unsubscribed') : t('me.summary.subscribed')],
    ['me.summary.frequency', t(`frequency.${profile.proposalFrequency || 'IMMEDIATE'}`)],
    ['me.summary.skills', understood(profile.skillsUnderstood)],
    ['me.summary.causes', understood(profile.causesUnderstood)],
    ['me.summary.proposals', String((profile.proposals || []).length)],
    ['me.summary.interests', String((profile.interests || []).length)],
    ['me.summary.created', date(profile.createdAt)],
    ['me.summary.updated', date(profile.updatedAt)],
  ];
  const nodes = [];
  for (const [key, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    if (Array.isArray(value)) {
      if (value.length === 0) {
        dd.textContent = t('me.summary.none');
      } else {
        const ul = document.createElement('ul');
        ul.className = 'tags';
        for (const item of value) {
          const li = document.createElement('li');
          li.textContent = item;
          ul.append(li);
        }
        dd.append(ul);
      }
    } else {
      dd.textContent = value ?? '';
    }
    nodes.push(dt, dd);
  }
  facts.replaceChildren(...nodes);
}

function day(value) {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value
    : new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }).format(parsed);
}

/** Whether proposals come by email, the switch, and every mission proposed so far, newest first. */
function renderProposals(profile) {
  const subscribed = profile.subscribed !== false;
  subscriptionState.textContent = t(subscribed ? 'me.subscribed.state' : 'me.unsubscribed.state');
  subscriptionButton.textContent = t(subscribed ? 'me.unsubscribe' : 'me.subscribe');
  const proposals = [...(profile.proposals || [])].sort((a, b) => String(b.proposedAt).localeCompare(a.proposedAt));
  if (proposals.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('me.proposals.none');
    proposalList.replaceChildren(li);
    return;
  }
  proposalList.replaceChildren(...proposals.map((proposal) => {
    const li = document.createElement('li');
    const what = document.createElement('span');
    what.textContent = t('me.proposal.item', { title: proposal.title || t('me.proposal.gone'), date: day(proposal.proposedAt) });
    const interest = document.createElement('span');
    interest.className = proposal.interested ? 'tag yes' : 'tag';
    interest.textContent = t(proposal.interested ? 'me.proposal.interested' : 'me.proposal.notInterested');
    li.append(what, ' — ', interest);
    return li;
  }));
}

function render(profile) {
  current = profile;
  renderAvailability(profile);
  signin.hidden = true;
  profileArea.hidden = false;
  email.value = profile.email || '';
  fillForm(form, editable(profile));
  renderFacts(profile);
  renderProposals(profile);
}

function showSignin(message) {
  current = null;
  profileArea.hidden = true;
  signin.hidden = false;
  if (message) {
    showNotice(status, { title: message, kind: 'info' });
  }
}

function signedOut(answer) {
  if (answer.status === 401 || answer.status === 403) {
    forgetAccess();
    showSignin(t('me.expired'));
    return true;
  }
  return false;
}

// Pause or resume: the state the API answers replaces the one shown
const renderAvailability = availabilitySection({
  bearer: accessToken,
  status,
  onAnswer: (state) => {
    summary.replaceChildren();
    const { pausedUntil, ...rest } = current;
    current = { ...rest, ...state };
    renderAvailability(current);
  },
  onProblem: (answer, availabilityForm) => {
    if (!signedOut(answer)) showProblem(availabilityForm, summary, answer.problem);
  },
});

async function load() {
  const answer = await call('GET', '/profiles/me', { bearer: accessToken() });
  if (answer.ok) {
    render(answer.data);
    return;
  }
  if (!signedOut(answer)) {
    showProblem(null, summary, answer.problem);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  busy(form, async () => {
    const answer = await call('PUT', '/profiles/me', { body: readForm(form), bearer: accessToken() });
    if (!answer.ok) {
      if (!signedOut(answer)) showProblem(form, summary, answer.problem);
      return;
    }
    clearErrors(form, summary);
    render(answer.data);
    showNotice(status, { title: t('me.saved.title'), text: t('me.saved.text') });
  });
});

// The switch: the profile as stored, with proposals on or off (only the signed-in owner can).
subscriptionButton.addEventListener('click', async () => {
  if (!current || subscriptionButton.getAttribute('aria-disabled') === 'true') return;
  const subscribed = current.subscribed === false;
  subscriptionButton.setAttribute('aria-disabled', 'true');
  try {
    const answer = await call('PUT', '/profiles/me', { body: { ...editable(current), subscribed }, bearer: accessToken() });
    if (!answer.ok) {
      if (!signedOut(answer)) showProblem(null, summary, answer.problem);
      return;
    }
    summary.replaceChildren();
    render(answer.data);
    showNotice(status, { title: t(subscribed ? 'me.subscribed.done' : 'me.unsubscribed.done') });
  } finally {
    subscriptionButton.removeAttribute('aria-disabled');
  }
});

document.getElementById('export').addEventListener('click', async () => {
  const answer = await call('GET', '/profiles/me', { bearer: accessToken() });
  if (!answer.ok) {
    if (!signedOut(answer)) showProblem(null, summary, answer.problem);
    return;
  }
  const file = `socialdeclik-profil-${new Date().toISOString().slice(0, 10)}.json`;
  const blob = new Blob([`${JSON.stringify(answer.data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  summary.replaceChildren();
  showNotice(status, { title: t('me.exported', { file }), kind: 'info' });
});

document.getElementById('delete').addEventListener('click', () => {
  dialog.returnValue = '';
  dialog.showModal();
});

dialog.addEventListener('close', async () => {
  if (dialog.returnValue !== 'confirm') return;
  const answer = await call('DELETE', '/profiles/me', { bearer: accessToken() });
  if (!answer.ok) {
    if (!signedOut(answer)) showProblem(null, summary, answer.problem);
    return;
  }
  forgetAccess();
  current = null;
  profileArea.hidden = true;
  summary.replaceChildren();
  showNotice(status, { title: t('me.deleted.title'), text: t('me.deleted.text') });
});

document.getElementById('signout').addEventListener('click', () => {
  forgetAccess();
  summary.replaceChildren();
  showSignin(t('me.signedout'));
});

signinForm.addEventListener('submit', (event) => {
  event.preventDefault();
  busy(signinForm, async () => {
    const body = { ...readForm(signinForm), locale: lang() };
    const answer = await call('POST', '/auth/link', { body });
    if (!answer.ok) {
      showProblem(signinForm, summary, answer.problem);
      return;
    }
    clearErrors(signinForm, summary);
    showNotice(status, { title: t('me.signin.sent.title'), text: t('me.signin.sent.text') });
  });
});

await loadVocabulary();
if (accessToken()) {
  await load();
} else {
  showSignin();
}
