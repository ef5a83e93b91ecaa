// Marks the page, before it is first drawn, as one the NHS.UK frontend's scripts will enhance, so the
// styles for enhanced pages apply from the start: the header keeps its menu to one line at once,
// instead of the page moving up when golden-thread.js (a deferred module) runs. A classic script in
// the head, because the page's policy allows no inline script; the test is the one the frontend
// itself uses to decide whether its module scripts run.
if ('noModule' in HTMLScriptElement.prototype) {
  document.documentElement.classList.add('nhsuk-frontend-supported');
}
