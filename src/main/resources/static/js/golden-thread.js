// Loaded as a module, so it runs only in browsers that support the NHS.UK frontend's JavaScript.
// Pages work without it; this adds the enhancements (menus, error summary focus, htmx).
import { initAll } from '/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// A job's progress card is swapped in every second; its status region is told only when the words
// change (the phase, or another quarter done), so a screen reader is not read the same words again.
document.body.addEventListener('htmx:afterSwap', () => {
  const card = document.getElementById('job-progress');
  const status = document.getElementById('job-status');
  if (card && status && card.dataset.announce && status.textContent !== card.dataset.announce) {
    status.textContent = card.dataset.announce;
  }
});
