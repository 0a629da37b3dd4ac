// The host page's own script: mounts the widget on #earn with the page's own
// config and records the widget's events where a host would listen for them
// (on the mount element's ancestor, on the document and on the window).
import { mount } from "/soft-staking/embed.js";

const config = {
  assets: [
    // Flat 5 %, minimum 0.5, cap 1000.
    { symbol: "BNB", name: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000", price: "600" },
    // The spec's tiered example: 12 % up to 500, 0.8 % up to 5,000, 0.3 % above.
    {
      symbol: "USDT",
      name: "Tether USD",
      tiers: [
        { up_to: "500", apr: "0.12" },
        { up_to: "5000", apr: "0.008" },
        { up_to: null, apr: "0.003" },
      ],
      min_amount: "10",
      max_cap: null,
    },
    // Names that are markup: they must render as text and never run.
    { symbol: "XSS", name: '<img src=x onerror="window.__xss=1"><b>Bold</b>', apr: "0.0365" },
    { symbol: "XSS2", name: "<script>window.__xss=2</script>", apr: "0.0365" },
  ],
  mode: "user",
  theme: "light",
  horizon_days: 30,
  storage_key: "ss-earn-host",
};

window.earnConfig = config;
window.earnMount = mount;
window.earnEvents = { section: [], document: [], window: [] };
const record = (where) => (e) => {
  window.earnEvents[where].push({
    type: e.type,
    target: e.target instanceof Element ? e.target.id : String(e.target),
    bubbles: e.bubbles,
    composed: e.composed,
    detail: { ...e.detail },
  });
};
for (const type of ["softstaking:activation", "softstaking:estimate"]) {
  document.getElementById("earn-section").addEventListener(type, record("section"));
  document.addEventListener(type, record("document"));
  window.addEventListener(type, record("window"));
}

window.earnWidget = await mount(document.getElementById("earn"), config);
