// The pure helpers between controls and JSON (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildBody, candidateNames, fieldValue, flatten, getPath, normaliseProblem, parseField, setPath,
} from '../src/assets/js/form-data.js';

test('dotted names become nested objects, lists arrays, empty optional controls are left out', () => {
  const body = buildBody([
    ['title', 'text', '  Refonte du site  '],
    ['organization.name', 'text', 'Les Jardins'],
    ['organization.email', 'text', 'contact@jardins.example'],
    ['organization.website', 'text', ''],
    ['skills', 'list', ['WordPress', ' ', 'UX design']],
    ['causes', 'list', []],
    ['location.department', 'text', '35'],
    ['location.postalCode', 'text', ''],
    ['budget', 'number', '3000'],
    ['estimatedDays', 'number', ''],
    ['proBono', 'boolean', false],
    ['availability.daysPerMonth', 'number', '4'],
    ['languages', 'choices', ['fr', 'en']],
  ]);
  assert.deepEqual(body, {
    title: 'Refonte du site',
    organization: { name: 'Les Jardins', email: 'contact@jardins.example' },
    skills: ['WordPress', 'UX design'],
    location: { department: '35' },
    budget: 3000,
    proBono: false,
    availability: { daysPerMonth: 4 },
    languages: ['fr', 'en'],
  });
});

test('a number the browser could not read is sent as typed, so the API names it', () => {
  assert.equal(fieldValue('number', '12'), 12);
  assert.equal(fieldValue('number', '1e400'), '1e400');
  assert.equal(fieldValue('number', '  '), undefined);
  assert.equal(fieldValue('boolean', 'on'), true);
});

test('setPath and getPath walk dotted paths', () => {
  const target = setPath({ location: 'x' }, 'location.postalCode', '35000');
  assert.deepEqual(target, { location: { postalCode: '35000' } });
  assert.equal(getPath(target, 'location.postalCode'), '35000');
  assert.equal(getPath(target, 'location.department'), undefined);
  assert.equal(getPath(target, 'nope.deeper'), undefined);
});

test("a problem's field leads to its control: list items to the list, nested fields to their holders", () => {
  assert.deepEqual(parseField('skills[2]'), { name: 'skills', index: 2 });
  assert.deepEqual(parseField('location.postalCode'), { name: 'location.postalCode' });
  assert.deepEqual(parseField('languages[0]'), { name: 'languages', index: 0 });
  assert.deepEqual(candidateNames('skills[2]'), ['skills']);
  assert.deepEqual(candidateNames('location.postalCode'), ['location.postalCode', 'location']);
  assert.deepEqual(candidateNames('organization.website'), ['organization.website', 'organization']);
  assert.deepEqual(candidateNames(''), []);
});

test('flatten gives the dotted names a stored profile fills', () => {
  assert.deepEqual(flatten({ firstName: 'Ana', location: { postalCode: '35000' }, skills: ['SEO'], bio: null }), {
    firstName: 'Ana', 'location.postalCode': '35000', skills: ['SEO'], bio: null,
  });
});

test('any answer becomes a problem of a known shape', () => {
  assert.deepEqual(normaliseProblem(null, 502, 'Erreur'), { status: 502, title: 'Erreur', detail: '', errors: [] });
  assert.deepEqual(normaliseProblem({
    title: 'Requête invalide', status: 400, detail: 'Certains champs sont invalides.',
    errors: [{ field: 'skills[1]', message: 'Doit contenir au moins une lettre ou un chiffre.' }, 'junk'],
  }, 400, 'x'), {
    status: 400, title: 'Requête invalide', detail: 'Certains champs sont invalides.',
    errors: [{ field: 'skills[1]', message: 'Doit contenir au moins une lettre ou un chiffre.' }],
  });
});
