// Loaded as a module, so it runs only in browsers that support the NHS.UK frontend's JavaScript.
// Pages work without it; this adds the enhancements (menus, error summary focus, htmx).
import { initAll } from '/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
