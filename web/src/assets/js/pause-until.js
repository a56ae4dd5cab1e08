// The pause's end date (the pause-until partial): four weeks ahead by default, from tomorrow to a
// year ahead, shown only while a pause is chosen (a hidden field is disabled, so it is not sent).

function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function daysAhead(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
}

/** Sets the field's bounds and default; show(true|false) shows it (and sends it) or hides it. */
export function pauseUntil(field) {
  const input = field.querySelector('input');
  const max = new Date();
  max.setFullYear(max.getFullYear() + 1);
  input.min = iso(daysAhead(1));
  input.max = iso(max);
  input.value = iso(daysAhead(28));
  return {
    show(visible) {
      field.hidden = !visible;
      input.disabled = !visible;
    },
  };
}

/** The body of an answer: `until` only with a pause, and only when a date is given. */
export function answerBody(body) {
  const out = { answer: body.answer };
  if (body.answer === 'PAUSE' && body.until) out.until = body.until;
  return out;
}

/** Says a date of the API (2027-03-01) in the reader's language, without time zones. */
export function sayDay(value, language) {
  const [y, m, d] = String(value).split('-').map(Number);
  if (!y || !m || !d) return String(value);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}
