// List fields (skills, causes): a text input with suggestions (<datalist>, free text allowed) and
// the items chosen so far as chips, each with its own remove button. The input keeps the API
// field's name; listValues() gives the items, plus what is typed and not yet added.
import { t } from './i18n.js';

function chipsOf(input) {
  return document.getElementById(`${input.id}-chips`);
}

function announcer() {
  let region = document.getElementById('list-announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'list-announcer';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  return region;
}

function announce(text) {
  const region = announcer();
  region.textContent = '';
  // a fresh text node makes screen readers read it even when it repeats
  setTimeout(() => { region.textContent = text; }, 50);
}

/** The items of a list input. */
export function listItems(input) {
  return [...chipsOf(input).querySelectorAll('li[data-value]')].map((li) => li.dataset.value);
}

/** The items plus the text typed and not yet added: what the form sends. */
export function listValues(input) {
  const items = listItems(input);
  const pending = input.value.trim();
  if (pending && !items.some((item) => item.toLocaleLowerCase() === pending.toLocaleLowerCase())) {
    items.push(pending);
  }
  return items;
}

function chip(input, value) {
  const li = document.createElement('li');
  li.className = 'chip';
  li.dataset.value = value;
  const label = document.createElement('span');
  label.textContent = value;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = '×';
  remove.setAttribute('aria-label', t('list.remove', { value }));
  remove.dataset.removeLabel = value;
  remove.addEventListener('click', () => {
    li.remove();
    announce(t('list.removed', { value }));
    input.focus();
  });
  li.append(label, remove);
  return li;
}

/** Adds the typed text as an item; false when there was nothing new to add. */
export function addItem(input, raw = input.value, { quiet = false } = {}) {
  const value = String(raw).trim();
  if (!value) {
    return false;
  }
  const items = listItems(input);
  if (items.some((item) => item.toLocaleLowerCase() === value.toLocaleLowerCase())) {
    if (!quiet) announce(t('list.duplicate', { value }));
    input.value = '';
    return false;
  }
  const max = Number(input.dataset.list) || Infinity;
  if (items.length >= max) {
    if (!quiet) announce(t('list.full', { n: max }));
    return false;
  }
  chipsOf(input).append(chip(input, value));
  input.value = '';
  if (!quiet) announce(t('list.added', { value }));
  return true;
}

/** Replaces the items (filling a form from stored data). */
export function setListItems(input, values) {
  chipsOf(input).replaceChildren();
  input.value = '';
  for (const value of values ?? []) {
    addItem(input, value, { quiet: true });
  }
}

/** Marks the item at index as wrong (a problem's "skills[2]"); returns its text. */
export function markItem(input, index) {
  const li = chipsOf(input).querySelectorAll('li[data-value]')[index];
  if (!li) {
    return undefined;
  }
  li.classList.add('invalid');
  return li.dataset.value;
}

export function clearItemMarks(input) {
  for (const li of chipsOf(input).querySelectorAll('li.invalid')) {
    li.classList.remove('invalid');
  }
}

function relabel() {
  for (const button of document.querySelectorAll('.chip button[data-remove-label]')) {
    button.setAttribute('aria-label', t('list.remove', { value: button.dataset.removeLabel }));
  }
}

/** Wires every list input of the page. */
export function enhanceLists(root = document) {
  for (const input of root.querySelectorAll('input[data-list]')) {
    const datalist = input.list;
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        addItem(input);
      }
    });
    // Picking a suggestion adds it at once (the browser replaces the text in one step).
    input.addEventListener('input', (event) => {
      const picked = event.inputType === undefined || event.inputType === 'insertReplacementText';
      if (picked && datalist && [...datalist.options].some((option) => option.value === input.value)) {
        addItem(input);
      }
    });
    const button = root.querySelector(`[data-add-for="${input.id}"]`);
    if (button) {
      button.addEventListener('click', () => {
        addItem(input);
        input.focus();
      });
    }
  }
  return relabel;
}
