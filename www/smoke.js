// The smallest page that uses the package: the browser tests load it to check the module starts.
import { validateUser } from '../pkg/index.js';

const status = document.getElementById('status');
const result = validateUser({ firstName: '' });
status.textContent = `Validator loaded: a blank first name gives ${result.issues[0].code}.`;
status.dataset.ready = 'true';
