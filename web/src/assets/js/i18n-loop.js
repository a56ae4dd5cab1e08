// The texts of the loop after the first email (issue 11): outcomes, availability, how often.
// i18n.js merges them into its MESSAGES (scripts' texts, both languages) and ENGLISH (the
// English of the pages' data-i18n texts).

export const LOOP_MESSAGES = {
  'view.outcome': ['Issue', 'Outcome'],
  'outcome.FILLED_HERE': ['Pourvue grâce à Social Declik', 'Filled through Social Declik'],
  'outcome.FILLED_ELSEWHERE': ['Pourvue autrement', 'Filled another way'],
  'outcome.CANCELLED': ['Abandonnée', 'Not going ahead'],
  'outcome.EXPIRED': ['Close d’elle-même après sa date limite', 'Closed by itself after its deadline'],
};

export const LOOP_ENGLISH = {
  'manage.outcome.legend': 'How did it end?',
  'manage.outcome.hint': 'The freelancers who said they were interested will get a short message telling them, and nothing else.',
  'manage.outcome.FILLED_HERE': 'Filled through Social Declik',
  'manage.outcome.FILLED_ELSEWHERE': 'Filled another way',
  'manage.outcome.CANCELLED': 'Not going ahead: it will not happen',
};
