// Mounts one declarative widget: <div data-soft-staking data-config='…'>
// with the config given in the page URL (?config=<json>; none = the built-in
// samples), and records the widget's events in window.ssEvents.
const config = new URLSearchParams(location.search).get("config");
const element = document.createElement("div");
element.id = "earn";
element.setAttribute("data-soft-staking", "");
if (config !== null) element.setAttribute("data-config", config);

window.ssEvents = [];
for (const type of ["softstaking:activation", "softstaking:estimate"]) {
  // Listened on the document: the events must bubble out of the mount element.
  document.addEventListener(type, (e) => {
    window.ssEvents.push({ type, target: e.target === element ? "mount" : String(e.target), detail: { ...e.detail } });
  });
}

document.getElementById("main").append(element);
await import("/soft-staking/embed.js");
