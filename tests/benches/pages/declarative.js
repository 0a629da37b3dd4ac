// Benchmark host page with no script of its own for the widget (the
// declarative tag and data-config-url): records in window.bench.firstEstimate
// when A0's first estimate is on screen (performance.now(), relative to
// navigation start). The balance comes from the page's ?ss-scenario=….
const bench = (window.bench = { firstEstimate: null });
const check = () => {
  const out = document.querySelector("[data-soft-staking]")?.shadowRoot?.querySelector('[data-testid="daily-reward-A0"]');
  if (out && /\d/.test(out.textContent)) {
    bench.firstEstimate = performance.now();
  } else {
    requestAnimationFrame(check);
  }
};
check();
