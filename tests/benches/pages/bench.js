// Benchmark host page: mounts the release build with a generated config and
// records, with performance.now() (relative to navigation start):
//   window.bench.firstEstimate  when the first estimate is on screen
//   window.bench.keystrokes     keydown → estimate DOM update, per key
// Query: ?assets=N (flat-APR assets A0…), &mode=demo. For the first
// estimate, a balance is typed as soon as its field exists.
import { mount } from "/soft-staking/embed.js";
import { watchFirstEstimate } from "./first_estimate.js";

const params = new URLSearchParams(location.search);
const n = Number(params.get("assets") ?? "10");
const assets = Array.from({ length: n }, (_, i) => ({
  symbol: `A${i}`,
  name: `Asset ${i}`,
  apr: `0.0${(i % 9) + 1}`,
  min_amount: "1",
  max_cap: "100000",
  price: "2.5",
}));
const bench = (window.bench = { firstEstimate: null, keystrokes: [] });
const host = document.getElementById("w");

// Keystroke latency: keydown (capture, composed from the shadow input) →
// the mutation of the row's estimate.
let pending = null;
host.addEventListener("keydown", () => (pending = performance.now()), true);
function watchKeystrokes() {
  const target = host.shadowRoot.querySelector('[data-testid="daily-reward-A0"]');
  new MutationObserver(() => {
    if (pending !== null) {
      bench.keystrokes.push(performance.now() - pending);
      pending = null;
    }
  }).observe(target, { childList: true, subtree: true, characterData: true });
}

const first = params.has("first-estimate");
if (first) watchFirstEstimate(() => host.shadowRoot, bench);
await mount(host, { mode: params.get("mode") ?? "user", assets, storage_key: "bench" });
const ready = () => host.shadowRoot?.querySelector('[data-testid="daily-reward-A0"]');
while (!ready()) await new Promise((r) => requestAnimationFrame(r));
watchKeystrokes();
bench.ready = true;
