// The example host page's own script: mounts the widget with its config,
// listens to the widget's events and, on a button press, changes the config
// through update() (what the visitor typed stays).
import { mount } from "./embed.js";

const log = document.getElementById("event-log");
const note = (text) => {
  const item = document.createElement("li");
  item.textContent = text;
  log.prepend(item);
  while (log.children.length > 8) log.lastElementChild.remove();
};

const earn = document.getElementById("earn");
earn.addEventListener("softstaking:activation", (e) => note(`activation: ${e.detail.active ? "ON" : "OFF"}`));
earn.addEventListener("softstaking:estimate", (e) =>
  note(`estimate: ${e.detail.symbol} ${e.detail.balance} → ${e.detail.daily_reward} a day`),
);

const config = await (await fetch("assets.json")).json();
const widget = await mount(earn, config);
window.softStakingWidget = widget;

document.getElementById("raise-apr").addEventListener("click", () => {
  const promo = structuredClone(config);
  promo.assets.find((a) => a.symbol === "BNB").apr = "0.025";
  widget.update(promo);
  note("config updated: BNB APR 2.5%");
});
