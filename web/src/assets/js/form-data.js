// Pure helpers between form controls and the API's JSON (no DOM here, so node can test them).
// A control's name is the API field it fills: dotted names are nested objects
// ("organization.email"), and a problem's field ("skills[2]", "location.postalCode") leads back
// to the control that holds it.

/** Sets a value at a dotted path, creating the objects on the way. */
export function setPath(target, path, value) {
  const parts = path.split('.');
  let node = target;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i];
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object' || Array.isArray(node[part])) {
      node[part] = {};
    }
    node = node[part];
  }
  node[parts[parts.length - 1]] = value;
  return target;
}

/** The value at a dotted path, or undefined. */
export function getPath(source, path) {
  let node = source;
  for (const part of path.split('.')) {
    if (node === undefined || node === null || typeof node !== 'object') {
      return undefined;
    }
    node = node[part];
  }
  return node;
}

/**
 * Turns a control's raw value into the JSON value of its field, or undefined to leave the field
 * out (an empty optional control).
 *   kind: 'text' | 'number' | 'boolean' | 'list' | 'choices'
 */
export function fieldValue(kind, raw) {
  switch (kind) {
    case 'boolean':
      return Boolean(raw);
    case 'number': {
      const text = String(raw ?? '').trim();
      if (text === '') {
        return undefined;
      }
      const number = Number(text);
      return Number.isFinite(number) ? number : text; // the API names what is not a number
    }
    case 'list':
    case 'choices': {
      const items = (raw ?? []).map((item) => String(item).trim()).filter((item) => item !== '');
      return items.length === 0 ? undefined : items;
    }
    default: {
      const text = String(raw ?? '').trim();
      return text === '' ? undefined : text;
    }
  }
}

/** The JSON body of a list of [name, kind, raw] entries. */
export function buildBody(entries) {
  const body = {};
  for (const [name, kind, raw] of entries) {
    const value = fieldValue(kind, raw);
    if (value !== undefined) {
      setPath(body, name, value);
    }
  }
  return body;
}

/**
 * Where a problem's field points: the control's name, and the item index for list fields.
 *   "skills[2]" -> {name: "skills", index: 2}; "location.postalCode" -> {name: "location.postalCode"}
 */
export function parseField(field) {
  const text = String(field ?? '');
  let index;
  const name = text.replace(/\[(\d+)\]/g, (whole, digits) => {
    if (index === undefined) {
      index = Number(digits);
    }
    return '';
  });
  return index === undefined ? { name } : { name, index };
}

/**
 * The names to look for, most precise first: the field itself, then the objects holding it
 * ("location.postalCode" -> ["location.postalCode", "location"]).
 */
export function candidateNames(field) {
  const { name } = parseField(field);
  const names = [];
  const parts = name.split('.').filter((part) => part !== '');
  for (let end = parts.length; end > 0; end -= 1) {
    names.push(parts.slice(0, end).join('.'));
  }
  return names;
}

/** Flattens JSON into dotted names for filling a form: {location: {department: "35"}} -> {"location.department": "35"}. */
export function flatten(source, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(source ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value, name, out);
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** A problem detail in a known shape, whatever the server answered. */
export function normaliseProblem(data, status, fallbackTitle) {
  const problem = data && typeof data === 'object' ? data : {};
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter((e) => e && typeof e === 'object').map((e) => ({
      field: typeof e.field === 'string' ? e.field : '',
      message: typeof e.message === 'string' ? e.message : '',
    }))
    : [];
  return {
    status: typeof problem.status === 'number' ? problem.status : status,
    title: typeof problem.title === 'string' && problem.title ? problem.title : fallbackTitle,
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    errors,
  };
}
