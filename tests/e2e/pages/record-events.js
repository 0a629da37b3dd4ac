// Loaded as a classic script before anything else on a test page: records the
// widget's events (as a listener on the document sees them) and any
// Content-Security-Policy violation.
(function () {
  window.ssEvents = [];
  window.ssViolations = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    window.ssViolations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
  });
  ["softstaking:activation", "softstaking:estimate"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      window.ssEvents.push({
        type: type,
        target: e.target && e.target.id,
        bubbles: e.bubbles,
        composed: e.composed,
        detail: Object.assign({}, e.detail),
      });
    });
  });
})();
