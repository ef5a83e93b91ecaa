// Loaded as a module, so it runs only in browsers that support the NHS.UK frontend's JavaScript.
// Pages work without it; this adds the enhancements (menus, error summary focus, htmx).
// build.mjs bundles it with just the NHS.UK frontend components named here: the pages mark only these
// with data-module (the survey questions as nhsuk-radios or nhsuk-checkboxes, whose "other" answer box
// is revealed when chosen), so initAll's others would look for themselves and find nothing.
import {
  Checkboxes,
  createAll,
  ErrorSummary,
  Header,
  isSupported,
  NotificationBanner,
  Radios,
  SkipLink,
} from 'nhsuk-frontend';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
if (isSupported()) {
  for (const component of [Header, SkipLink, ErrorSummary, NotificationBanner, Radios, Checkboxes]) {
    createAll(component);
  }
}

// A job's progress card is swapped in every second; its status region is told only when the words
// change (the phase, or another quarter done), so a screen reader is not read the same words again.
document.body.addEventListener('htmx:afterSwap', () => {
  const card = document.getElementById('job-progress');
  const status = document.getElementById('job-status');
  if (card && status && card.dataset.announce && status.textContent !== card.dataset.announce) {
    status.textContent = card.dataset.announce;
  }
});
