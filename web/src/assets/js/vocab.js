// Suggestions for skills and causes, and the list of départements: /vocab.json, generated at
// build time from the vocabularies matching uses (shared/src/main/resources/vocab), with the
// terms the admins added since (GET /vocabulary, public).
import { lang, onLanguageChange } from './i18n.js';
import { call } from './api.js';

let loaded;

function load() {
  if (!loaded) {
    const built = fetch('/vocab.json', { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { skills: [], causes: [], departments: [] }))
      .catch(() => ({ skills: [], causes: [], departments: [] }));
    const added = call('GET', '/vocabulary').then((answer) => (answer.ok && answer.data ? answer.data : {}));
    loaded = Promise.all([built, added]).then(([vocab, more]) => {
      for (const kind of ['skills', 'causes']) {
        const known = new Set((vocab[kind] || []).map((term) => term.id));
        vocab[kind] = [...(vocab[kind] || []), ...(more[kind] || []).filter((term) => !known.has(term.id))];
      }
      return vocab;
    });
  }
  return loaded;
}

function fillSuggestions(vocab) {
  for (const kind of ['skills', 'causes']) {
    const datalist = document.getElementById(`${kind}-suggestions`);
    if (!datalist) continue;
    const options = (vocab[kind] || []).map((term) => {
      const option = document.createElement('option');
      option.value = term[lang()] || term.fr;
      return option;
    });
    datalist.replaceChildren(...options);
  }
}

function fillDepartments(vocab) {
  for (const select of document.querySelectorAll('select[data-departments]')) {
    const chosen = select.value || select.dataset.pending || '';
    const keep = select.querySelector('option[value=""]');
    const options = (vocab.departments || []).map((d) => {
      const option = document.createElement('option');
      option.value = d.code;
      option.textContent = `${d.code} – ${d.name}`;
      return option;
    });
    select.replaceChildren(...[keep, ...options].filter(Boolean));
    select.value = chosen;
    delete select.dataset.pending;
  }
}

/** Fills the datalists and département selects; resolves when they are there. */
export async function loadVocabulary() {
  const vocab = await load();
  fillSuggestions(vocab);
  fillDepartments(vocab);
  onLanguageChange(() => fillSuggestions(vocab));
  return vocab;
}
