// Loaded as a classic script before embed.js: breaks local storage the way
// browsers do, chosen by ?storage=…
//   throw-get  reading window.localStorage throws a SecurityError (storage
//              disabled, some private modes)
//   throw-set  localStorage exists but setItem throws QuotaExceededError
//              (Safari's old private mode, a full quota)
(function () {
  var mode = new URLSearchParams(location.search).get("storage");
  window.ssStorageMode = mode;
  if (mode === "throw-get") {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get: function () {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  } else if (mode === "throw-set") {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  }
})();
