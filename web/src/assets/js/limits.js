// Fields with a length limit say so as the person types: a count beside the field ("112 / 120
// caractères", read with the field), and an announcement once the limit is reached or when a
// paste was cut at it, so that nothing is cut without a word.
import { onLanguageChange, t } from './i18n.js';

const COUNTED = 'input[maxlength]:not([type=email]):not([type=url]), textarea[maxlength]';

function watch(field) {
  const max = Number(field.getAttribute('maxlength'));
  const box = document.createElement('span');
  box.className = 'counter';
  const count = document.createElement('span');
  count.id = `${field.id}-count`;
  const alert = document.createElement('span');
  alert.className = 'limit-alert';
  alert.setAttribute('aria-live', 'polite');
  box.append(count, ' ', alert);
  (field.closest('.list-entry') || field).after(box);
  const ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  field.setAttribute('aria-describedby', [...ids, count.id].join(' '));

  let cut = false;
  const update = () => {
    const n = field.value.length;
    count.textContent = t('limit.count', { n, max });
    const full = n >= max;
    box.classList.toggle('at-limit', full);
    const message = cut ? t('limit.cut', { max }) : full ? t('limit.reached', { max }) : '';
    if (alert.textContent !== message) alert.textContent = message;
  };
  // a paste or a drop longer than the room left is cut by the browser: say so
  field.addEventListener('beforeinput', (event) => {
    const room = max - field.value.length + (field.selectionEnd - field.selectionStart);
    cut = typeof event.data === 'string' && event.data.length > room;
    if (!cut && event.dataTransfer) {
      cut = event.dataTransfer.getData('text/plain').length > room;
    }
  });
  field.addEventListener('input', update);
  field.addEventListener('change', () => { cut = false; update(); });
  onLanguageChange(update);
  update();
  return update;
}

const updates = [];

/** Adds a live count to every text field with a maxlength (60 or more) under root. */
export function watchLimits(root = document) {
  for (const field of root.querySelectorAll(COUNTED)) {
    if (field.id && Number(field.getAttribute('maxlength')) >= 60) updates.push(watch(field));
  }
}

/** Counts again after a script filled the fields (no input event then). */
export function refreshLimits() {
  updates.forEach((update) => update());
}
