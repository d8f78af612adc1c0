import { createValidator, registerLocale } from 'openspecimen-validate';
import 'openspecimen-validate/locales/fr'; // English is built in; other languages load when imported

// Wording of your own for some codes ({label}, {path} and the issue's params are filled in);
// the other messages come from the locale: 'fr-CA' gives French, an unknown locale English.
const validator = createValidator({
  mode: 'patch',
  locale: 'fr-CA',
  messages: {
    USER_FIRST_NAME_REQUIRED: 'Le prénom est obligatoire.',
    FIELD_TOO_LONG: '{label} : {max} caractères au plus.',
  },
});
const result = validator.user.validate({ firstName: '', lastName: 'L'.repeat(300), loginName: '' });
for (const issue of result.issues) console.log(issue.message);

// A language of your own; what it leaves out falls back to English.
registerLocale('de', {
  messages: { USER_FIRST_NAME_REQUIRED: 'Geben Sie den Vornamen ein.' },
  fields: { firstName: 'Vorname' },
});
const german = createValidator({ mode: 'patch', locale: 'de' });
for (const issue of german.user.validate({ firstName: '', loginName: '' }).issues) console.log(issue.message);
// Le prénom est obligatoire.
// Nom : 255 caractères au plus.
// Saisissez un identifiant de connexion (seuls les contacts peuvent s’en passer).
// Geben Sie den Vornamen ein.
// Enter a login name (only contact users may go without one).
