// Calls to the HTTP API. Its address is the site's one setting, /config.js (written by
// web/build.py, or by the local run with its own API's address).
import { apiBaseUrl } from '/config.js';
import { lang, t } from './i18n.js';
import { normaliseProblem } from './form-data.js';

/**
 * One request. Resolves to {ok: true, status, data} or {ok: false, status, problem}, where
 * problem is an RFC 9457 problem detail ({title, detail, errors: [{field, message}]}); a network
 * failure is status 0 with a problem of its own. Never throws.
 */
export async function call(method, path, { body, bearer } = {}) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': lang(),
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  let response;
  try {
    response = await fetch(apiBaseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return {
      ok: false,
      status: 0,
      problem: { status: 0, title: t('error.network.title'), detail: t('error.network.detail'), errors: [] },
    };
  }
  const text = await response.text().catch(() => '');
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) {
    return { ok: true, status: response.status, data };
  }
  return { ok: false, status: response.status, problem: normaliseProblem(data, response.status, t('error.generic.title')) };
}
