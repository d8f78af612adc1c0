// Type of each `openspecimen-validate/locales/<tag>` module: importing it registers the locale.
import type { Locale } from '../index.js';

declare const locale: Locale;
export default locale;
