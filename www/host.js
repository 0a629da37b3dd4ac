// The example host page's own script: listens to the widget's events and,
// on a button press, replaces its config through update().
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

document.getElementById("raise-apr").addEventListener("click", async () => {
  const config = await (await fetch("assets.json")).json();
  config.assets.find((a) => a.symbol === "BNB").apr = "0.025";
  // The declarative widget is replaced by one we control, keeping the element.
  const widget = await mount(earn, config);
  note("config updated: BNB APR 2.5%");
  window.softStakingWidget = widget;
});
