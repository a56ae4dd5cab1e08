// Forms and messages: the JSON body from the controls' names, the API's problem details next to
// the fields they name (aria-invalid, aria-describedby) and in a summary announced to screen
// readers, and success messages that take the focus.
import { t } from './i18n.js';
import { buildBody, candidateNames, flatten, parseField } from './form-data.js';
import { clearItemMarks, listValues, markItem, setListItems } from './lists.js';
import { refreshLimits } from './limits.js';

function controls(form) {
  return [...form.elements].filter((element) => element.name && !element.disabled
    && !['submit', 'button', 'reset', 'fieldset', 'output'].includes(element.type));
}

/** The JSON body of a form: names are API fields, dotted names nested, lists as arrays. */
export function readForm(form) {
  const entries = [];
  const groups = new Map(); // checkbox groups (several boxes, one name) -> checked values
  for (const element of controls(form)) {
    if (element.dataset.list !== undefined) {
      entries.push([element.name, 'list', listValues(element)]);
    } else if (element.type === 'checkbox' && element.dataset.type === 'boolean') {
      entries.push([element.name, 'boolean', element.checked]);
    } else if (element.type === 'checkbox') {
      if (!groups.has(element.name)) {
        groups.set(element.name, []);
        entries.push([element.name, 'choices', groups.get(element.name)]);
      }
      if (element.checked) {
        groups.get(element.name).push(element.value);
      }
    } else if (element.type === 'radio') {
      if (element.checked) {
        entries.push([element.name, 'text', element.value]);
      }
    } else if (element.type === 'number') {
      entries.push([element.name, 'number', element.value]);
    } else {
      entries.push([element.name, 'text', element.value]);
    }
  }
  return buildBody(entries);
}

/** Fills a form from JSON in the API's shape (the controls whose names it has). */
export function fillForm(form, data) {
  const values = flatten(data);
  for (const element of controls(form)) {
    if (!(element.name in values)) {
      if (element.type === 'checkbox' || element.type === 'radio') {
        element.checked = false;
      } else if (element.dataset.list !== undefined) {
        setListItems(element, []);
      } else if (!element.hasAttribute('data-create-only')) {
        element.value = '';
      }
      continue;
    }
    const value = values[element.name];
    if (element.dataset.list !== undefined) {
      setListItems(element, Array.isArray(value) ? value : []);
    } else if (element.type === 'checkbox' && element.dataset.type === 'boolean') {
      element.checked = value === true;
    } else if (element.type === 'checkbox') {
      element.checked = Array.isArray(value) && value.includes(element.value);
    } else if (element.type === 'radio') {
      element.checked = element.value === value;
    } else {
      element.value = value === null || value === undefined ? '' : String(value);
    }
  }
  refreshLimits();
}

function describedBy(element, id, add) {
  const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== id);
  if (add) {
    ids.unshift(id);
  }
  if (ids.length) {
    element.setAttribute('aria-describedby', ids.join(' '));
  } else {
    element.removeAttribute('aria-describedby');
  }
}

/** Removes every error mark of a form and empties the summary. */
export function clearErrors(form, summary) {
  if (summary) {
    summary.replaceChildren();
  }
  if (!form) {
    return;
  }
  for (const message of form.querySelectorAll('.field-error')) {
    const id = message.id;
    for (const element of form.querySelectorAll(`[aria-describedby~="${id}"]`)) {
      describedBy(element, id, false);
    }
    message.remove();
  }
  for (const element of form.querySelectorAll('[aria-invalid]')) {
    element.removeAttribute('aria-invalid');
  }
  for (const element of form.querySelectorAll('.has-error')) {
    element.classList.remove('has-error');
  }
  for (const input of form.querySelectorAll('input[data-list]')) {
    clearItemMarks(input);
  }
}

/** The control (or group of controls) a problem's field names, with what to call it. */
function target(form, field) {
  for (const name of candidateNames(field)) {
    const named = [...form.elements].filter((element) => element.name === name && !element.disabled);
    if (named.length === 1 && named[0].type !== 'radio' && !(named[0].type === 'checkbox' && !named[0].dataset.type)) {
      const element = named[0];
      const container = element.closest('.field');
      return { controls: [element], focus: element, container, label: labelOf(element) };
    }
    if (named.length > 0) {
      const group = named[0].closest('fieldset');
      return { controls: named, focus: named[0], container: group, label: legendOf(group) };
    }
    const area = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (area) {
      const inside = [...area.querySelectorAll('input, select, textarea')].filter((element) => !element.disabled);
      return { controls: inside, focus: inside[0], container: area, label: legendOf(area) };
    }
    // a whole object the API missed ("organization"): the group of its fields, named by its legend
    const children = [...form.elements].filter((element) => element.name?.startsWith(`${name}.`) && !element.disabled);
    if (children.length > 0) {
      const group = children[0].closest('fieldset');
      return { controls: children, focus: children[0], container: group, label: legendOf(group) || labelOf(children[0]) };
    }
  }
  return null;
}

function labelOf(element) {
  const label = element.labels && element.labels[0];
  const text = label ? label.textContent.replace(/\*/g, '').replace(/\s+/g, ' ').trim() : element.name;
  // a long label (a consent sentence) is named in the summary by its group's legend
  const legend = text.length > 60 ? legendOf(element.closest('fieldset')) : '';
  return legend || text;
}

function legendOf(group) {
  const legend = group && group.querySelector('legend');
  return legend ? legend.textContent.replace(/\*/g, '').replace(/\s+/g, ' ').trim() : '';
}

function errorId(found, index) {
  return `${found.focus?.id || `field-${index}`}-error`;
}

/**
 * Shows a problem: each field error next to its control, every message in the summary (an
 * alert region), which takes the focus. Returns the number of field errors shown.
 */
export function showProblem(form, summary, problem) {
  clearErrors(form, summary);
  const byContainer = new Map();
  const items = [];
  for (const error of problem.errors || []) {
    const found = form ? target(form, error.field) : null;
    let message = error.message || problem.detail || '';
    if (found && found.controls[0]?.dataset.list !== undefined) {
      const { index } = parseField(error.field);
      const value = index === undefined ? undefined : markItem(found.controls[0], index);
      if (value !== undefined) {
        message = t('error.item', { value, message });
      }
    }
    if (found && found.container) {
      if (!byContainer.has(found.container)) {
        byContainer.set(found.container, { found, messages: [] });
      }
      byContainer.get(found.container).messages.push(message);
    }
    items.push({ label: found ? found.label : error.field, message, focus: found && found.focus });
  }
  let index = 0;
  for (const [container, { found, messages }] of byContainer) {
    index += 1;
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = errorId(found, index);
    p.textContent = messages.join(' ');
    const anchor = container.tagName === 'FIELDSET' ? container.querySelector('legend') : null;
    if (anchor) {
      anchor.after(p);
    } else {
      const before = found.focus.closest('.list-entry') || found.focus.closest('.choice') || found.focus;
      before.before(p);
    }
    container.classList.add('has-error');
    for (const control of found.controls) {
      control.setAttribute('aria-invalid', 'true');
      describedBy(control, p.id, true);
    }
  }

  const box = document.createElement('div');
  box.className = 'notice error';
  box.tabIndex = -1;
  const heading = document.createElement('h2');
  const fieldCount = items.length;
  heading.textContent = fieldCount === 0 ? problem.title
    : fieldCount === 1 ? t('error.summary.one') : t('error.summary.many', { n: fieldCount });
  box.append(heading);
  if (fieldCount === 0 && problem.detail) {
    const p = document.createElement('p');
    p.textContent = problem.detail;
    box.append(p);
  }
  if (fieldCount > 0) {
    const list = document.createElement('ul');
    for (const item of items) {
      const li = document.createElement('li');
      const text = item.label ? t('error.labelled', { label: item.label, message: item.message }) : item.message;
      if (item.focus && item.focus.id) {
        const a = document.createElement('a');
        a.href = `#${item.focus.id}`;
        a.textContent = text;
        a.addEventListener('click', (event) => {
          event.preventDefault();
          item.focus.focus();
          item.focus.scrollIntoView({ block: 'center' });
        });
        li.append(a);
      } else {
        li.textContent = text;
      }
      list.append(li);
    }
    box.append(list);
  }
  summary.replaceChildren(box);
  box.focus();
  return fieldCount;
}

/** A success (or information) message in a status region; it takes the focus. */
export function showNotice(region, { title, text, links = [], kind = 'success' }) {
  const box = document.createElement('div');
  box.className = `notice ${kind}`;
  box.tabIndex = -1;
  const heading = document.createElement('h2');
  heading.textContent = title;
  box.append(heading);
  for (const paragraph of [].concat(text || [])) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    box.append(p);
  }
  for (const link of links) {
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    if (link.id) a.id = link.id;
    p.append(a);
    box.append(p);
  }
  region.replaceChildren(box);
  box.focus();
  return box;
}

/** Runs an action with the submit button marked busy, so a double click sends once. */
export async function busy(form, action) {
  const buttons = [...form.querySelectorAll('button[type="submit"], button:not([type])')];
  if (buttons.some((button) => button.getAttribute('aria-disabled') === 'true')) {
    return undefined;
  }
  for (const button of buttons) {
    button.setAttribute('aria-disabled', 'true');
  }
  form.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    for (const button of buttons) {
      button.removeAttribute('aria-disabled');
    }
    form.removeAttribute('aria-busy');
  }
}
