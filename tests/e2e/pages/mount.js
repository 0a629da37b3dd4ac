// The host script of mount.html: mounts #earn with mount(element, config),
// where config comes from ?config=<json> (absent: the built-in samples), and
// records what a host can observe:
//   window.ssWidget      the handle mount() resolved to
//   window.ssMountError  what mount() rejected with, if it did
//   window.ssEvents      the widget's events, as seen by a listener on the document
//   window.ssViolations  Content-Security-Policy violations reported on the page
//   window.ssMount       mount itself, for tests that mount more widgets
// With ?manual nothing is mounted.
import { mount } from "/soft-staking/embed.js";

window.ssMount = mount;
window.ssEvents = [];
window.ssViolations = window.ssViolations ?? [];

document.addEventListener("securitypolicyviolation", (e) => {
  window.ssViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});

for (const type of ["softstaking:activation", "softstaking:estimate"]) {
  document.addEventListener(type, (e) => {
    window.ssEvents.push({
      type,
      target: e.target instanceof Element ? e.target.id : String(e.target),
      bubbles: e.bubbles,
      composed: e.composed,
      detail: { ...e.detail },
    });
  });
}

const params = new URLSearchParams(location.search);
if (!params.has("manual")) {
  const raw = params.get("config");
  const element = document.getElementById("earn");
  mount(element, raw === null ? undefined : JSON.parse(raw)).then(
    (handle) => {
      window.ssWidget = handle;
    },
    (err) => {
      window.ssMountError = String(err);
    },
  );
}
