// Benchmark host page with no script of its own for the widget (the
// declarative tag and data-config-url, user mode): records in
// window.bench.firstEstimate when A0's first estimate is on screen
// (performance.now(), relative to navigation start), a balance being typed
// as soon as its field exists.
import { watchFirstEstimate } from "./first_estimate.js";

const bench = (window.bench = { firstEstimate: null });
watchFirstEstimate(() => document.querySelector("[data-soft-staking]")?.shadowRoot, bench);
