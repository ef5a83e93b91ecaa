// Loaded as a module, so it runs only in browsers that support the NHS.UK frontend's JavaScript.
// Pages work without it; this adds the enhancements (menus, error summary focus, htmx).
// build.mjs bundles it with just the NHS.UK frontend components named here: the pages mark only these
// with data-module (the survey questions as nhsuk-radios or nhsuk-checkboxes, whose "other" answer box
// is revealed when chosen; wide tables as nhsuk-scroll), so initAll's others would look for themselves
// and find nothing.
import {
  Checkboxes,
  createAll,
  ErrorSummary,
  Header,
  isSupported,
  NotificationBanner,
  Radios,
  Scroll,
  SkipLink,
} from 'nhsuk-frontend';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
if (isSupported()) {
  // A table wider than the screen scrolls sideways inside its nhsuk-scroll box, which Scroll makes
  // focusable (so a keyboard can scroll it) only while it overflows. Each box is a region named after
  // its table's caption, so a screen reader says what it is when it takes the focus.
  for (const content of document.querySelectorAll('.nhsuk-scroll__content')) {
    const caption = content.querySelector('caption');
    if (caption && !content.hasAttribute('aria-label') && !content.hasAttribute('aria-labelledby')) {
      content.setAttribute('role', 'region');
      content.setAttribute('aria-label', caption.textContent.trim().replace(/\s+/g, ' '));
    }
  }
  for (const component of [Header, SkipLink, ErrorSummary, NotificationBanner, Radios, Checkboxes, Scroll]) {
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
