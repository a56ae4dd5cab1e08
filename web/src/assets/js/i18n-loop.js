// The texts of the loop after the first email (issue 11): outcomes, availability, how often.
// i18n.js merges them into its MESSAGES (scripts' texts, both languages) and ENGLISH (the
// English of the pages' data-i18n texts).

export const LOOP_MESSAGES = {
  'view.outcome': ['Issue', 'Outcome'],
  'outcome.FILLED_HERE': ['Pourvue grâce à Social Declik', 'Filled through Social Declik'],
  'outcome.FILLED_ELSEWHERE': ['Pourvue autrement', 'Filled another way'],
  'outcome.CANCELLED': ['Abandonnée', 'Not going ahead'],
  'outcome.EXPIRED': ['Close d’elle-même après sa date limite', 'Closed by itself after its deadline'],

  'availability.success.me': ['Voir mon profil', 'See my profile'],
  'availability.success.paused.title': ['Votre profil est en pause', 'Your profile is paused'],
  'availability.success.paused.text': [
    'Nous ne vous proposerons rien jusqu’au {date}. Ce jour-là, les missions ouvertes qui vous correspondent vous seront envoyées en un seul email.',
    'We will propose you nothing until {date}. That day, the open missions that fit you will be sent to you in one email.'],
  'availability.success.available.title': ['Merci, c’est noté : vous êtes disponible', 'Thank you: you are available'],
  'availability.success.available.text': [
    'Vous recevrez par email les missions qui vous correspondent.',
    'You will receive the missions that fit you by email.'],
  'me.availability.available': [
    'Vous êtes disponible : nous vous proposons les missions qui vous correspondent.',
    'You are available: we propose you the missions that fit you.'],
  'me.availability.pausedUntil': [
    'Votre profil est en pause jusqu’au {date} : nous ne vous proposons rien d’ici là.',
    'Your profile is paused until {date}: we propose you nothing until then.'],
  'me.availability.paused': [
    'Votre profil est en pause : nous ne vous proposons rien tant que vous ne reprenez pas.',
    'Your profile is paused: we propose you nothing until you resume.'],
  'me.availability.pause': ['Mettre mon profil en pause', 'Pause my profile'],
  'me.availability.resume': ['Je suis de nouveau disponible', 'I am available again'],
  'me.availability.paused.done': ['Votre profil est en pause', 'Your profile is paused'],
  'me.availability.resumed.done': [
    'Vous êtes de nouveau disponible : les missions ouvertes qui vous correspondent vont vous être envoyées',
    'You are available again: the open missions that fit you are on their way to you'],
};

export const LOOP_ENGLISH = {
  'manage.outcome.legend': 'How did it end?',
  'manage.outcome.hint': 'The freelancers who said they were interested will get a short message telling them, and nothing else.',
  'manage.outcome.FILLED_HERE': 'Filled through Social Declik',
  'manage.outcome.FILLED_ELSEWHERE': 'Filled another way',
  'manage.outcome.CANCELLED': 'Not going ahead: it will not happen',
  'availability.doc-title': 'Still available? · Social Declik',
  'availability.title': 'Still available for missions?',
  'availability.text': 'Tell us whether you want to keep receiving mission proposals, or to take a break: during a pause, we propose you nothing.',
  'availability.answer.legend': 'Your answer',
  'availability.answer.AVAILABLE': 'I am available: keep proposing me missions',
  'availability.answer.PAUSE': 'I am taking a break',
  'availability.until': 'Pause until',
  'availability.until.hint': 'Proposals start again on that day. Without a date, the pause lasts four weeks; one year at most.',
  'availability.submit': 'Send my answer',
  'me.availability.title': 'My availability',
};
