// What every page does: language (and its switch), the current page marked in the menu, and the
// helpers token pages share.
import { initLanguage } from './i18n.js';
import { watchLimits } from './limits.js';

export function startPage() {
  initLanguage();
  watchLimits();
  const here = window.location.pathname.replace(/\.html$/, '').replace(/\/$/, '') || '/';
  for (const link of document.querySelectorAll('.site-nav a')) {
    if (link.getAttribute('href') === here) {
      link.setAttribute('aria-current', 'page');
    }
  }
}

/** A query-string parameter, or null when absent or blank. */
export function param(name) {
  const value = new URLSearchParams(window.location.search).get(name);
  return value && value.trim() ? value.trim() : null;
}

/** Drops the query string from the address bar and history (links carry tokens). */
export function forgetQuery() {
  if (window.location.search) {
    window.history.replaceState(null, '', window.location.pathname);
  }
}
