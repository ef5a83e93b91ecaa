// Traces a forum's line of sight on the forum map while it is pointed at or focused: the boxes and
// arrows on its way up to the board are emphasised. The map and its list work without this.
const map = document.querySelector('[data-forum-map]');

if (map) {
  const clear = () => {
    map.classList.remove('gt-map--tracing');
    map.querySelectorAll('.is-traced').forEach((e) => e.classList.remove('is-traced'));
  };

  const trace = (node) => {
    clear();
    const chain = (node.getAttribute('data-chain') || '').split(' ').filter(Boolean);
    map.classList.add('gt-map--tracing');
    node.classList.add('is-traced');
    chain.forEach((id, i) => {
      map.querySelector(`[data-forum="${id}"]`)?.classList.add('is-traced');
      const next = chain[i + 1];
      if (next) {
        map.querySelector(`[data-from="${id}"][data-to="${next}"]`)?.classList.add('is-traced');
      }
    });
  };

  const nodeFrom = (event) => event.target.closest?.('[data-forum]');
  map.addEventListener('focusin', (event) => { const n = nodeFrom(event); if (n) trace(n); });
  map.addEventListener('mouseover', (event) => { const n = nodeFrom(event); if (n) trace(n); });
  map.addEventListener('focusout', clear);
  map.addEventListener('mouseleave', clear);
}
