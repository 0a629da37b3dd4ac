// Start benchmark helper: as soon as the widget shows A0's balance field,
// types 1000 into it (as a visitor would), and records in
// bench.firstEstimate when A0's estimate shows digits (performance.now(),
// relative to navigation start). `root()` gives the widget's shadow root.
export function watchFirstEstimate(root, bench) {
  const check = () => {
    const shadow = root();
    const input = shadow?.querySelector('[data-testid="balance-input-A0"]');
    if (input && input.value === "") {
      input.value = "1000";
      input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText", data: "1000" }));
    }
    const out = shadow?.querySelector('[data-testid="daily-reward-A0"]');
    if (out && /\d/.test(out.textContent)) {
      bench.firstEstimate = performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
}
