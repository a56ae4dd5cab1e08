// The access token of /me lives in this tab's sessionStorage only (never localStorage, never a
// cookie): closing the tab signs out.
const KEY = 'socialdeclik.access';

export function keepAccess(token, expiresAt) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ token, expiresAt: expiresAt || null }));
  } catch {
    // storage off: the person will use the link again
  }
}

export function accessToken() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (!saved || !saved.token) return null;
    if (saved.expiresAt && Date.parse(saved.expiresAt) <= Date.now()) {
      forgetAccess();
      return null;
    }
    return saved.token;
  } catch {
    return null;
  }
}

export function forgetAccess() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
