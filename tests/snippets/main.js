import { createValidator } from 'openspecimen-validate';
import { bindForm } from 'openspecimen-validate/form';

const validator = createValidator({ mode: 'patch' });
bindForm(document.querySelector('#user-form'), validator.user);
