import { createValidator } from '/vendor/openspecimen-validate/index.js';
import { bindForm } from '/vendor/openspecimen-validate/form.js';

// PATCH: this form edits only some of the user's fields.
const validator = createValidator({ mode: 'patch', locale: document.documentElement.lang });
const form = document.getElementById('user-form');

bindForm(form, validator.user, {
  summary: document.getElementById('form-errors'),
  onResult(result, event) {
    if (!result.valid) return; // bindForm blocked the submit and focused the first error
    event.preventDefault(); // send the normalised payload as JSON instead
    fetch(form.action, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(result.value),
    });
  },
});
