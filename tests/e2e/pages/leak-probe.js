// Loaded as a classic script before embed.js: counts the event listeners and
// timers the page holds, so a test can check that destroy() leaves none behind.
//   ssProbe.listeners()  live listeners on the window, on non-node targets
//                        (media queries, ports, …) and on nodes still in the
//                        document (including shadow roots of its elements);
//                        `once` listeners are not counted (they remove
//                        themselves without a removeEventListener call)
//   ssProbe.timers()     pending setTimeout / setInterval / requestAnimationFrame
//                        / requestIdleCallback callbacks
//   ssProbe.posts()      MessagePort.postMessage calls so far (the widget's
//                        sliced work yields through a MessageChannel)
//   ssProbe.channels()   names of the BroadcastChannels still open
//   ssProbe.said(fn)     runs fn; resolves to { value, said }: its result and
//                        what console.warn / console.error got meanwhile
(function () {
  var records = [];
  var proto = EventTarget.prototype;
  var add = proto.addEventListener;
  var remove = proto.removeEventListener;
  var captureOf = function (options) {
    return typeof options === "boolean" ? options : !!(options && options.capture);
  };
  var find = function (target, type, listener, capture) {
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (r.target === target && r.type === type && r.listener === listener && r.capture === capture) return i;
    }
    return -1;
  };
  proto.addEventListener = function (type, listener, options) {
    if (listener) {
      var capture = captureOf(options);
      var once = !!(options && typeof options === "object" && options.once);
      if (find(this, type, listener, capture) < 0 && !once) {
        records.push({ target: this, type: String(type), listener: listener, capture: capture });
      }
    }
    return add.apply(this, arguments);
  };
  proto.removeEventListener = function (type, listener, options) {
    var i = find(this, String(type), listener, captureOf(options));
    if (i >= 0) records.splice(i, 1);
    return remove.apply(this, arguments);
  };

  var timers = new Set();
  var wrapOneShot = function (name, cancelName) {
    var schedule = window[name];
    var cancel = window[cancelName];
    if (!schedule) return;
    window[name] = function (callback) {
      var args = Array.prototype.slice.call(arguments);
      var id;
      if (typeof callback === "function") {
        args[0] = function () {
          timers.delete(name + ":" + id);
          return callback.apply(this, arguments);
        };
      }
      id = schedule.apply(window, args);
      timers.add(name + ":" + id);
      return id;
    };
    window[cancelName] = function (id) {
      timers.delete(name + ":" + id);
      return cancel.apply(window, arguments);
    };
  };
  wrapOneShot("setTimeout", "clearTimeout");
  wrapOneShot("requestAnimationFrame", "cancelAnimationFrame");
  wrapOneShot("requestIdleCallback", "cancelIdleCallback");
  var setInterval_ = window.setInterval;
  var clearInterval_ = window.clearInterval;
  window.setInterval = function () {
    var id = setInterval_.apply(window, arguments);
    timers.add("setInterval:" + id);
    return id;
  };
  window.clearInterval = function (id) {
    timers.delete("setInterval:" + id);
    return clearInterval_.apply(window, arguments);
  };

  var posts = 0;
  var post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function () {
    posts += 1;
    return post.apply(this, arguments);
  };

  // Broadcast channels still open (the activation sync holds one per widget).
  var channels = new Set();
  var Native = window.BroadcastChannel;
  var close = Native.prototype.close;
  window.BroadcastChannel = function (name) {
    var channel = new Native(name);
    channels.add(channel);
    return channel;
  };
  window.BroadcastChannel.prototype = Native.prototype;
  Native.prototype.close = function () {
    channels.delete(this);
    return close.apply(this, arguments);
  };

  var describe = function (t) {
    if (t === window) return "window";
    if (t === document) return "document";
    if (t instanceof ShadowRoot) return "shadow-root of #" + t.host.id;
    if (t instanceof Element) return t.tagName.toLowerCase() + (t.id ? "#" + t.id : "") + (t.className ? "." + t.className : "");
    return Object.prototype.toString.call(t);
  };
  window.ssProbe = {
    listeners: function () {
      return records
        .filter(function (r) { return !(r.target instanceof Node) || r.target.isConnected; })
        .map(function (r) { return describe(r.target) + " " + r.type + (r.capture ? " (capture)" : ""); })
        .sort();
    },
    timers: function () { return Array.from(timers).sort(); },
    posts: function () { return posts; },
    channels: function () { return Array.from(channels).map(function (c) { return c.name; }).sort(); },
    // Runs `fn` (maybe async) and resolves to { value, said }: what was
    // written with console.warn and console.error meanwhile.
    said: function (fn) {
      var said = [];
      var warn = console.warn;
      var error = console.error;
      console.warn = console.error = function () { said.push(Array.prototype.join.call(arguments, " ")); };
      var restore = function () { console.warn = warn; console.error = error; };
      return Promise.resolve().then(fn).then(
        function (value) { restore(); return { value: value, said: said }; },
        function (err) { restore(); throw err; }
      );
    },
  };
})();
