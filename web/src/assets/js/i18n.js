// French first, English as a choice. The French of the pages is in their HTML; this dictionary
// holds the English of every text marked data-i18n, and both languages of the texts the scripts
// write. The choice is kept in this browser only (localStorage, no cookie) and sent to the API
// as Accept-Language and, where a form takes it, as `locale`.

import { LOOP_ENGLISH, LOOP_MESSAGES } from './i18n-loop.js';
import { ADMIN_ENGLISH, ADMIN_MESSAGES } from './admin-texts.js';

export const LANGUAGES = ['fr', 'en'];
const STORAGE_KEY = 'socialdeclik.lang';

/** Texts written by the scripts, in both languages. {name} is replaced by a value. */
export const MESSAGES = {
  'error.network.title': ['Le service ne répond pas', 'The service does not answer'],
  'error.network.detail': ['Vérifiez votre connexion puis réessayez.', 'Check your connection and try again.'],
  'error.generic.title': ['Une erreur est survenue', 'Something went wrong'],
  'error.summary.one': ['Le formulaire contient une erreur', 'The form has one error'],
  'error.summary.many': ['Le formulaire contient {n} erreurs', 'The form has {n} errors'],
  'error.labelled': ['{label} : {message}', '{label}: {message}'],
  'error.item': ['« {value} » : {message}', '“{value}”: {message}'],
  'token.missing.title': ['Lien incomplet', 'Incomplete link'],
  'token.missing.detail': [
    'Ce lien est incomplet : ouvrez-le à nouveau depuis votre email, en entier.',
    'This link is incomplete: open it again from your email, in full.'],
  'list.added': ['{value} ajouté', '{value} added'],
  'list.removed': ['{value} retiré', '{value} removed'],
  'list.duplicate': ['{value} est déjà dans la liste', '{value} is already in the list'],
  'list.full': ['La liste est complète : {n} au plus.', 'The list is full: {n} at most.'],
  'list.remove': ['Retirer {value}', 'Remove {value}'],
  'busy': ['Envoi en cours…', 'Sending…'],

  'mission.success.title': ['Merci, votre mission est bien reçue', 'Thank you, your mission has been received'],
  'mission.success.PENDING_REVIEW': [
    'Notre équipe va la relire avant de la publier. Un email de confirmation vient de vous être envoyé, avec un lien pour gérer la mission.',
    'Our team will read it before publishing it. A confirmation email has just been sent to you, with a link to manage the mission.'],
  'mission.success.PUBLISHED': [
    'Elle est publiée : nous la proposons dès maintenant aux freelances qui lui correspondent. Un email de confirmation vient de vous être envoyé, avec un lien pour gérer la mission.',
    'It is published: we are proposing it to the freelancers who fit it right now. A confirmation email has just been sent to you, with a link to manage the mission.'],
  'mission.success.another': ['Proposer une autre mission', 'Submit another mission'],

  'profile.success.title': ['Vérifiez votre boîte mail', 'Check your inbox'],
  'profile.success.text': [
    'Nous venons d’écrire à {email}. Ouvrez le lien de cet email pour confirmer votre adresse et activer votre profil.',
    'We have just written to {email}. Open the link in that email to confirm your address and activate your profile.'],

  'verify.success.title': ['Adresse confirmée : votre profil est actif', 'Address confirmed: your profile is active'],
  'verify.success.text': [
    'Vous recevrez par email les missions qui vous correspondent.',
    'You will receive the missions that fit you by email.'],
  'verify.success.link': ['Voir et modifier mon profil', 'View and edit my profile'],
  'verify.used': [
    'Pour gérer votre profil, demandez un lien de connexion.',
    'To manage your profile, ask for a sign-in link.'],

  'me.signin.sent.title': ['Regardez votre boîte mail', 'Check your inbox'],
  'me.signin.sent.text': [
    'Si un profil confirmé existe pour cette adresse, un lien de connexion vient d’y être envoyé. Il est valable 24 heures.',
    'If a confirmed profile exists for this address, a sign-in link has just been sent to it. It is valid for 24 hours.'],
  'me.expired': [
    'Votre lien a expiré ou n’est plus valable : demandez-en un nouveau ci-dessous.',
    'Your link has expired or is no longer valid: ask for a new one below.'],
  'me.saved.title': ['Profil enregistré', 'Profile saved'],
  'me.saved.text': ['Vos modifications sont prises en compte.', 'Your changes have been saved.'],
  'me.deleted.title': ['Profil supprimé', 'Profile deleted'],
  'me.deleted.text': [
    'Votre profil et vos données ont été effacés. Vous ne recevrez plus d’email de notre part.',
    'Your profile and your data have been erased. You will not receive any more emails from us.'],
  'me.signedout': [
    'Vous êtes déconnecté de votre profil sur cet appareil.',
    'You are signed out of your profile on this device.'],
  'me.exported': ['Vos données ont été téléchargées : {file}', 'Your data has been downloaded: {file}'],
  'me.email.fixed': [
    'L’adresse d’un profil ne change pas : pour en utiliser une autre, supprimez ce profil et créez-en un nouveau.',
    'A profile’s address does not change: to use another one, delete this profile and create a new one.'],
  'me.subscribed.state': ['Vous recevez par email les missions qui vous correspondent.', 'You receive the missions that fit you by email.'],
  'me.unsubscribed.state': ['Vous ne recevez plus de propositions de missions.', 'You no longer receive mission proposals.'],
  'me.subscribe': ['Recevoir à nouveau les propositions', 'Receive proposals again'],
  'me.unsubscribe': ['Ne plus recevoir de propositions', 'Stop receiving proposals'],
  'me.subscribed.done': ['Vous recevrez à nouveau les missions qui vous correspondent', 'You will receive the missions that fit you again'],
  'me.unsubscribed.done': ['Vous ne recevrez plus de propositions', 'You will receive no more proposals'],
  'me.proposals.none': ['Aucune mission ne vous a encore été proposée.', 'No mission has been proposed to you yet.'],
  'me.proposal.item': ['{title}, proposée le {date}', '{title}, proposed on {date}'],
  'me.proposal.interested': ['vous vous êtes dit·e intéressé·e', 'you said you were interested'],
  'me.proposal.notInterested': ['pas d’intérêt exprimé', 'no interest expressed'],
  'me.proposal.gone': ['Mission retirée', 'Mission removed'],
  'limit.count': ['{n} / {max} caractères', '{n} / {max} characters'],
  'limit.reached': ['Limite de {max} caractères atteinte.', 'The {max}-character limit is reached.'],
  'limit.cut': ['Le texte collé a été coupé à {max} caractères.', 'The pasted text was cut at {max} characters.'],
  'me.summary.status': ['Statut', 'Status'],
  'me.summary.email': ['Email', 'Email'],
  'me.summary.subscription': ['Propositions par email', 'Proposals by email'],
  'me.summary.frequency': ['Fréquence des propositions', 'How often'],
  'frequency.IMMEDIATE': ['Dès leur publication', 'As soon as published'],
  'frequency.WEEKLY': ['Le lundi à 8 h (heure de Paris), en un email', 'On Monday at 8 a.m. (Paris time), in one email'],
  'me.summary.subscribed': ['Oui', 'Yes'],
  'me.summary.unsubscribed': ['Non, désabonné', 'No, unsubscribed'],
  'me.summary.skills': ['Compétences comprises', 'Skills as understood'],
  'me.summary.causes': ['Causes comprises', 'Causes as understood'],
  'me.summary.proposals': ['Missions proposées', 'Missions proposed'],
  'me.summary.interests': ['Intérêts exprimés', 'Interests expressed'],
  'me.summary.created': ['Créé le', 'Created on'],
  'me.summary.updated': ['Modifié le', 'Updated on'],
  'me.summary.unknown': ['{input} (gardé tel quel)', '{input} (kept as typed)'],
  'me.summary.none': ['Aucune', 'None'],
  'profileStatus.ACTIVE': ['Actif', 'Active'],
  'profileStatus.PENDING_VERIFICATION': ['En attente de confirmation', 'Waiting for confirmation'],

  'view.title': ['La mission', 'The mission'],
  'view.id': ['Référence', 'Reference'],
  'view.status': ['Statut', 'Status'],
  'view.organization': ['Structure', 'Organisation'],
  'view.email': ['Email de contact', 'Contact email'],
  'view.website': ['Site web', 'Website'],
  'view.skills': ['Compétences', 'Skills'],
  'view.causes': ['Causes', 'Causes'],
  'view.workMode': ['Mode de travail', 'Work mode'],
  'view.place': ['Lieu', 'Place'],
  'view.budget': ['Budget', 'Budget'],
  'view.budget.value': ['{budget} € pour {days} jour(s)', '€{budget} for {days} day(s)'],
  'view.proBono': ['pro bono', 'pro bono'],
  'view.start': ['Début', 'Start'],
  'view.deadline': ['Candidature avant le', 'Apply before'],
  'view.proposed': ['Proposée à', 'Proposed to'],
  'view.proposed.one': ['{n} freelance', '{n} freelancer'],
  'view.proposed.other': ['{n} freelances', '{n} freelancers'],
  'view.interested': ['Freelances intéressé·es', 'Interested freelancers'],
  'view.description': ['Description', 'Description'],
  'view.unavailable': [
    'Le détail de la mission {id} ne peut pas être affiché ({detail}). La décision reste possible.',
    'The details of mission {id} cannot be shown ({detail}). The decision is still possible.'],
  'missionStatus.PENDING_REVIEW': ['En attente de relecture', 'Waiting for review'],
  'missionStatus.PUBLISHED': ['Publiée', 'Published'],
  'missionStatus.REJECTED': ['Refusée', 'Rejected'],
  'missionStatus.CLOSED': ['Close', 'Closed'],
  'workMode.REMOTE': ['À distance', 'Remote'],
  'workMode.ONSITE': ['Sur place', 'On site'],
  'workMode.HYBRID': ['Hybride', 'Hybrid'],
  'org.ASSOCIATION': ['Association', 'Association'],
  'org.COOPERATIVE': ['Coopérative', 'Cooperative'],
  'org.SCOP': ['SCOP', 'SCOP'],
  'org.SCIC': ['SCIC', 'SCIC'],
  'org.ESUS': ['Entreprise ESUS', 'ESUS company'],
  'org.FONDATION': ['Fondation', 'Foundation'],
  'org.MUTUELLE': ['Mutuelle', 'Mutual society'],
  'org.OTHER': ['Autre structure de l\'ESS', 'Other social economy organisation'],

  'review.success.PUBLISHED.title': ['Mission publiée', 'Mission published'],
  'review.success.PUBLISHED.text': [
    'Elle est proposée dès maintenant aux freelances qui lui correspondent.',
    'It is now being proposed to the freelancers who fit it.'],
  'review.success.REJECTED.title': ['Mission refusée', 'Mission rejected'],
  'review.success.REJECTED.text': ['Elle ne sera pas publiée.', 'It will not be published.'],
  'manage.success.title': ['Mission close', 'Mission closed'],
  'manage.success.text': ['Elle n’est plus proposée aux freelances.', 'It is no longer proposed to freelancers.'],
  'interest.success.title': ['C’est transmis !', 'Done!'],
  'interest.success.text': [
    'L’organisation a reçu vos coordonnées et vous contactera directement. Un email de confirmation vous a été envoyé.',
    'The organisation has received your contact details and will get in touch with you directly. A confirmation email has been sent to you.'],
  'unsubscribe.success.title': ['Vous êtes désabonné', 'You are unsubscribed'],
  'unsubscribe.success.text': [
    'Vous ne recevrez plus de propositions de missions.',
    'You will not receive any more mission proposals.'],
};
Object.assign(MESSAGES, LOOP_MESSAGES);

/** English of the texts the HTML carries in French (data-i18n keys). */
export const ENGLISH = {
  'skip': 'Skip to content',
  'nav.label': 'Main navigation',
  'nav.mission': 'Submit a mission',
  'nav.profile': 'Create my profile',
  'nav.me': 'My profile',
  'footer.about': 'Social Declik connects digital freelancers with social and solidarity economy organisations, for fairly paid missions.',
  'footer.privacy': 'No tracker, no cookie, no third-party service: this site only loads its own files.',
  'optional': '(optional)',
  'choose': 'Choose…',
  'cancel': 'Cancel',
  'form.required': 'Fields marked with an asterisk are required.',
  'list.add': 'Add',
  'list.skills.added': 'Skills added',
  'list.causes.added': 'Causes added',
  'hint.list.skills': '1 to 10. Type a skill (suggestions offered, free text accepted) then Enter or “Add”.',
  'hint.list.profileSkills': '1 to 20. Type a skill (suggestions offered, free text accepted) then Enter or “Add”.',
  'hint.list.causes': 'Up to 10: environment, health, employment and integration…',
  'field.location': 'Place',
  'field.department': 'Département',
  'field.postalCode': 'or postal code',

  'home.doc-title': 'Social Declik · digital missions that make sense',
  'home.title': 'Digital missions that make sense, at a fair price',
  'home.lead': 'Social Declik connects digital freelancers with organisations of the social and solidarity economy: associations, cooperatives, SCOP, SCIC, foundations, mutual societies.',
  'home.org.title': 'You are a social economy organisation',
  'home.org.1': 'Describe what you need: website, search engine optimisation, social media, data, no-code tools…',
  'home.org.2': 'We propose your mission to the freelancers who have the skills, near you or remotely.',
  'home.org.3': 'You receive the contact details of the freelancers who say they are interested.',
  'home.org.cta': 'Submit a mission',
  'home.free.title': 'You are a digital freelancer',
  'home.free.1': 'Tell us your skills, the causes you care about, your daily rate and your lowest rate for the social economy.',
  'home.free.2': 'Receive by email the missions that fit you, with the reasons why.',
  'home.free.3': 'One click on “I’m interested” and the organisation receives your contact details.',
  'home.free.cta': 'Create my profile',
  'home.how.title': 'How it works',
  'home.how.1': 'An organisation describes its mission; the team reads it, then publishes it.',
  'home.how.2': 'The freelancers whose skills, place and rates fit receive it by email.',
  'home.how.3': 'An interested freelancer says so in one click: the organisation receives their contact details.',
  'home.promises.title': 'Our commitments',
  'home.promises.1': 'Fair pay: every mission has a budget, except those chosen as pro bono.',
  'home.promises.2': 'No account, no password: personal links sent by email.',
  'home.promises.3': 'Your data is yours: see it, export it, delete it from your profile.',
  'home.promises.4': 'We only write to addresses that have been confirmed.',
  'home.signin': 'Already have a profile? Get a link to manage it',

  'mission.doc-title': 'Submit a mission · Social Declik',
  'mission.title': 'Submit a mission',
  'mission.lead': 'Describe what you need: we will propose it to the digital freelancers whose skills, place and rates fit.',
  'mission.about': 'The mission',
  'mission.field.title': 'Title',
  'mission.hint.title': 'For example: redesign of the association’s WordPress website.',
  'mission.field.description': 'Description',
  'mission.hint.description': 'The context, what is expected, the deliverables.',
  'mission.field.skills': 'Skills needed',
  'mission.field.causes': 'Causes',
  'mission.organization': 'Your organisation',
  'mission.field.orgName': 'Name of the organisation',
  'mission.field.orgType': 'Type of organisation',
  'mission.field.orgEmail': 'Contact email',
  'mission.hint.orgEmail': 'You will receive the confirmation there, the link to manage the mission, and the contact details of interested freelancers.',
  'mission.field.orgWebsite': 'Website',
  'org.ASSOCIATION': 'Association',
  'org.COOPERATIVE': 'Cooperative',
  'org.ESUS': 'ESUS company',
  'org.FONDATION': 'Foundation',
  'org.MUTUELLE': 'Mutual society',
  'org.OTHER': 'Other social economy organisation',
  'mission.place': 'Place and work mode',
  'mission.field.workMode': 'Work mode',
  'workMode.REMOTE': 'Remote',
  'workMode.ONSITE': 'On site',
  'workMode.HYBRID': 'Hybrid',
  'mission.hint.location': 'Required unless the mission is remote: a département or a postal code.',
  'mission.budget': 'Budget and dates',
  'mission.field.proBono': 'Pro bono mission (unpaid)',
  'mission.hint.proBono': 'Only pro bono missions may have a budget of €0. They are only proposed to freelancers who accept them.',
  'mission.field.budget': 'Total budget (€)',
  'mission.field.days': 'Estimated number of days',
  'mission.field.start': 'Start date',
  'mission.field.deadline': 'Application deadline',
  'mission.privacy': 'Your email is never published on the site.',
  'mission.submit': 'Send the mission',

  'profile.doc-title': 'Create my profile · Social Declik',
  'profile.title': 'Create my freelancer profile',
  'profile.lead': 'Receive by email the social and solidarity economy missions that fit your skills, your place and your rates.',
  'profile.already': 'Already have a profile? Get a link to manage it',
  'profile.you': 'You',
  'profile.field.firstName': 'First name',
  'profile.field.lastName': 'Last name',
  'profile.field.email': 'Email',
  'profile.hint.email': 'We will write to confirm this address; nothing else is sent to it before that.',
  'profile.field.headline': 'Professional headline',
  'profile.hint.headline': 'For example: WordPress and accessibility developer.',
  'profile.field.bio': 'About you',
  'profile.skills': 'Skills and causes',
  'profile.field.skills': 'Your skills',
  'profile.field.causes': 'The causes you care about',
  'profile.place': 'Place and mobility',
  'profile.field.location': 'Where you are',
  'profile.hint.location': 'A département or a postal code.',
  'profile.field.mobility': 'For an on-site mission, you go',
  'mobility.DEPARTMENT': 'within your département',
  'mobility.REGION': 'within your région',
  'mobility.COUNTRY': 'anywhere in France',
  'profile.field.remote': 'I accept remote missions',
  'profile.rates': 'Rates and availability',
  'profile.field.dailyRate': 'Usual daily rate (€ per day)',
  'profile.field.minimumRate': 'Lowest rate for the social economy (€ per day)',
  'profile.hint.minimumRate': 'The lowest you accept for a social economy mission.',
  'profile.field.proBono': 'I also accept pro bono (unpaid) missions',
  'profile.field.days': 'Days available per month',
  'profile.field.from': 'Available from',
  'profile.frequency': 'How often you hear of missions',
  'profile.field.proposalFrequency': 'The missions that fit you are sent to you',
  'profile.hint.proposalFrequency': 'Either way, a few missions a week at most, each of them once.',
  'frequency.choice.IMMEDIATE': 'as soon as they are published, one per email',
  'frequency.choice.WEEKLY': 'all together, in one email on Monday at 8 a.m. (Paris time)',
  'profile.languages': 'Languages',
  'profile.field.languages': 'Working languages',
  'language.fr': 'French',
  'language.en': 'English',
  'language.es': 'Spanish',
  'language.de': 'German',
  'language.it': 'Italian',
  'language.pt': 'Portuguese',
  'language.ar': 'Arabic',
  'language.br': 'Breton',
  'language.oc': 'Occitan',
  'profile.field.locale': 'Language of our emails',
  'profile.consent': 'Consent',
  'profile.field.consent': 'I agree that Social Declik keeps this information to propose missions to me by email. I can export or delete it at any time.',
  'profile.submit': 'Create my profile',

  'me.doc-title': 'My profile · Social Declik',
  'me.title': 'My profile',
  'me.signin.title': 'Get a link to manage my profile',
  'me.signin.text': 'No password here: give the email of your profile and we will send a personal link to it, valid for 24 hours.',
  'me.signin.submit': 'Send me the link',
  'me.summary.title': 'Your profile at a glance',
  'me.edit.title': 'Edit my profile',
  'me.proposals.title': 'My mission proposals',
  'profile.field.portfolioUrl': 'Portfolio or website',
  'profile.hint.portfolioUrl': 'An https:// address, sent to organisations when you say you are interested.',
  'me.save': 'Save the changes',
  'me.data.title': 'My data',
  'me.data.text': 'Download everything we keep about you, or delete your profile: it is then erased, with your mission proposals, and you will receive nothing more.',
  'me.export': 'Export my data (JSON)',
  'me.delete': 'Delete my profile',
  'me.signout': 'Sign out',
  'me.delete.title': 'Delete your profile?',
  'me.delete.text': 'Your profile and your data will be erased for good. This cannot be undone.',
  'me.delete.confirm': 'Yes, delete for good',

  'verify.doc-title': 'Confirm my address · Social Declik',
  'verify.title': 'Confirm your email address',
  'verify.text': 'One last click: confirm your address to activate your profile. You will then receive the missions that fit you.',
  'verify.submit': 'Confirm my address',

  'interest.doc-title': 'I’m interested · Social Declik',
  'interest.title': 'Interested in this mission?',
  'interest.text': 'When you confirm, the organisation receives your name, your email, your profile (headline, about, skills, causes, usual rate, availability, languages, portfolio) and the reasons why the mission fits you, never your minimum rate. It will answer you directly.',
  'interest.submit': 'I’m interested',

  'unsubscribe.doc-title': 'Unsubscribe · Social Declik',
  'unsubscribe.title': 'Stop receiving mission proposals',
  'unsubscribe.text': 'You will not receive any more mission proposals by email. Your profile stays registered: you can delete it from your profile page.',
  'unsubscribe.submit': 'Unsubscribe me',

  'review.doc-title': 'Review a mission · Social Declik',
  'review.title': 'Review a mission',
  'review.lead': 'A published mission is proposed to the freelancers who fit it. A rejected mission is never published.',
  'review.field.decision': 'Your decision',
  'review.approve': 'Approve and publish the mission',
  'review.reject': 'Reject the mission',
  'review.field.reason': 'Reason',
  'review.submit': 'Record the decision',

  'manage.doc-title': 'Manage my mission · Social Declik',
  'manage.title': 'Manage your mission',
  'manage.close.title': 'Close the mission',
  'manage.close.text': 'Found your freelancer, or the mission is no longer happening? Once closed, it is proposed to no one any more. This cannot be undone.',
  'manage.close.submit': 'Close the mission',

  'notfound.doc-title': 'Page not found · Social Declik',
  'notfound.title': 'Page not found',
  'notfound.text': 'This page does not exist, or no longer does.',
  'notfound.home': 'Back to the home page',
};
Object.assign(ENGLISH, LOOP_ENGLISH);

let current = 'fr';
Object.assign(MESSAGES, ADMIN_MESSAGES);
Object.assign(ENGLISH, ADMIN_ENGLISH);

const originals = new WeakMap(); // element -> {text, attrs}: the French the HTML came with
const listeners = new Set();

/** The language in use: 'fr' or 'en'. */
export function lang() {
  return current;
}

/** A text in the language in use; {name} parts are replaced from vars. */
export function t(key, vars = {}) {
  const index = current === 'en' ? 1 : 0;
  const pair = MESSAGES[key];
  let text = pair ? pair[index] : current === 'en' ? ENGLISH[key] : undefined;
  if (text === undefined) {
    text = pair ? pair[0] : key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

function translated(key, french) {
  if (current === 'en') {
    return ENGLISH[key] ?? (MESSAGES[key] ? MESSAGES[key][1] : french);
  }
  return french ?? (MESSAGES[key] ? MESSAGES[key][0] : key);
}

/** Puts every data-i18n text and data-i18n-attr attribute under root in the language in use. */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    if (!originals.has(element)) {
      originals.set(element, { text: element.textContent, attrs: {} });
    }
    element.textContent = translated(element.dataset.i18n, originals.get(element).text);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    if (!originals.has(element)) {
      originals.set(element, { text: null, attrs: {} });
    }
    const saved = originals.get(element).attrs;
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (!(attr in saved)) {
        saved[attr] = element.getAttribute(attr);
      }
      element.setAttribute(attr, translated(key, saved[attr]));
    }
  }
}

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Switches the page to a language, remembers the choice, and tells the listeners. */
export function setLanguage(language, { remember = true } = {}) {
  current = LANGUAGES.includes(language) ? language : 'fr';
  document.documentElement.lang = current;
  translate(document);
  for (const button of document.querySelectorAll('[data-lang-switch]')) {
    const other = current === 'fr' ? 'en' : 'fr';
    button.lang = other;
    button.textContent = other === 'en' ? 'English' : 'Français';
    button.dataset.target = other;
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, current);
    } catch {
      // storage may be off: the choice then lasts for this page only
    }
  }
  for (const listener of listeners) {
    listener(current);
  }
}

/** Calls back after every change of language. */
export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The language remembered in this browser (French otherwise), applied, and the switch wired. */
export function initLanguage() {
  for (const button of document.querySelectorAll('[data-lang-switch]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.target || (current === 'fr' ? 'en' : 'fr')));
  }
  setLanguage(stored() === 'en' ? 'en' : 'fr', { remember: false });
}
