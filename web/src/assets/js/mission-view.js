// A mission as the review and manage pages show it (GET /missions/{id} with the page's token).
import { lang, t } from './i18n.js';

function fact(list, label, value) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return;
  }
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  if (Array.isArray(value)) {
    const ul = document.createElement('ul');
    ul.className = 'tags';
    for (const item of value) {
      const li = document.createElement('li');
      li.textContent = item;
      ul.append(li);
    }
    dd.append(ul);
  } else if (value instanceof Node) {
    dd.append(value);
  } else {
    dd.textContent = String(value);
  }
  list.append(dt, dd);
}

/** Renders a mission (the API's JSON) into container, as a section titled by the mission. */
export function renderMission(container, mission) {
  const section = document.createElement('section');
  section.className = 'card';
  section.setAttribute('aria-labelledby', 'mission-view-title');
  const heading = document.createElement('h2');
  heading.id = 'mission-view-title';
  heading.textContent = mission.title || t('view.title');
  const list = document.createElement('dl');
  list.className = 'facts';
  const org = mission.organization || {};
  fact(list, t('view.id'), mission.id);
  fact(list, t('view.status'), mission.status && t(`missionStatus.${mission.status}`));
  fact(list, t('view.organization'), org.name && `${org.name}${org.type ? ` (${t(`org.${org.type}`)})` : ''}`);
  fact(list, t('view.email'), org.email);
  fact(list, t('view.website'), org.website);
  fact(list, t('view.skills'), mission.skills);
  fact(list, t('view.causes'), mission.causes);
  fact(list, t('view.workMode'), mission.workMode && t(`workMode.${mission.workMode}`));
  const place = mission.location && (mission.location.postalCode || mission.location.department);
  fact(list, t('view.place'), place);
  const budget = t('view.budget.value', { budget: mission.budget, days: mission.estimatedDays })
    + (mission.proBono ? ` (${t('view.proBono')})` : '');
  fact(list, t('view.budget'), mission.budget !== undefined ? budget : undefined);
  fact(list, t('view.start'), mission.startDate);
  fact(list, t('view.deadline'), mission.applicationDeadline);
  if (mission.proposedCount !== undefined) {
    const n = mission.proposedCount;
    fact(list, t('view.proposed'), t((lang() === 'en' ? n === 1 : n <= 1) ? 'view.proposed.one' : 'view.proposed.other', { n }));
    fact(list, t('view.interested'), String(mission.interestCount ?? 0));
  }
  fact(list, t('view.outcome'), mission.outcome && t(`outcome.${mission.outcome}`));
  const description = document.createElement('p');
  description.className = 'prewrap';
  description.textContent = mission.description || '';
  section.append(heading, list);
  if (mission.description) {
    const h3 = document.createElement('h3');
    h3.textContent = t('view.description');
    section.append(h3, description);
  }
  container.replaceChildren(section);
}

/** An information notice saying the mission cannot be shown, and why. */
export function renderUnavailable(container, id, problem) {
  const box = document.createElement('div');
  box.className = 'notice info';
  const p = document.createElement('p');
  p.textContent = t('view.unavailable', { id, detail: problem.detail || problem.title });
  box.append(p);
  container.replaceChildren(box);
}
