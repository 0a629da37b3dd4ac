// Soft Staking reward estimator: the host-facing ES module.
//
//   import { mount } from "/soft-staking/embed.js";
//   const widget = await mount(document.getElementById("earn"), config);
//   widget.update(newConfig);
//   widget.destroy();
//
// Loading this module also mounts every <div data-soft-staking> on the page,
// configured by `data-config` (inline JSON) or `data-config-url` (fetched).
// Nothing here throws into the host page because of a bad config: the error
// is shown inside the widget's box. No inline script or eval is needed, so it
// runs under a strict Content-Security-Policy (styled too, where the browser
// has constructable stylesheets; see src/embed/shadow.rs).

// One copy of this module per deployment: loaded again from the same
// directory under another URL (a cache-busting `?v=3`), the later copy hands
// every call to the first, so that an element never holds two widgets and
// the builds download once. A copy from another directory (another
// deployment, maybe another version) works on its own, and says so.
const SHARED = Symbol.for("soft-staking/embed");
const HOME = new URL(".", import.meta.url).href;
const EARLIER = globalThis[SHARED];
const FIRST = typeof EARLIER?.mount === "function" && EARLIER.home === HOME ? EARLIER : null;
if (EARLIER && !FIRST) {
  console.warn(`soft-staking: embed.js is loaded from two places (${EARLIER.home ?? "?"} and ${HOME}); each mounts its own widgets`);
}

// Two builds of the widget sit next to this file, each a wasm-bindgen glue
// and its WebAssembly module: the visitor's, which every host page loads,
// and the demo build, which adds demo mode's tools (editable rates, share
// links, cohorts) and is loaded only for a `"mode": "demo"` config. The glue
// is imported dynamically so that it, the module and a declarative tag's
// config all download at once, instead of one after the other.
const BUILDS = {
  visitor: { glue: "./soft-staking.js", wasm: "soft-staking_bg.wasm" },
  demo: { glue: "./soft-staking-demo.js", wasm: "soft-staking-demo_bg.wasm" },
};

/** The build a config read by `plainConfig` needs. */
function buildFor(read) {
  return read.ok && read.config?.mode === "demo" ? "demo" : "visitor";
}

const LOADS = { visitor: { ready: null, glueFailures: 0 }, demo: { ready: null, glueFailures: 0 } };

// Browsers have remembered a module that failed to download for the page's
// whole life (the HTML standard now lets it be fetched again; not every
// browser does), so after the glue itself failed, a retry asks for it under
// another URL.
function importGlue(kind) {
  const load = LOADS[kind];
  const glue = BUILDS[kind].glue;
  const url = load.glueFailures === 0 ? glue : `${glue}?retry=${load.glueFailures}`;
  return import(url).catch((err) => {
    load.glueFailures += 1;
    throw err;
  });
}

/**
 * Loads build `kind` ("visitor" or "demo") once and resolves to its exports
 * (`mountWidget`, `mountError`). A failed load (say, the network dropped) is
 * not remembered: the next mount tries again.
 */
function boot(kind) {
  const load = LOADS[kind];
  if (!load.ready) {
    // A string, not a URL object: some hosts' fetch wrappers take only strings.
    const wasm = fetch(new URL(BUILDS[kind].wasm, import.meta.url).href);
    // A failure is reported through the glue's init below, not as an
    // unhandled rejection when the glue fails first.
    wasm.catch(() => {});
    load.ready = importGlue(kind)
      .then(async (glue) => {
        await glue.default({ module_or_path: wasm });
        return glue;
      })
      .catch((err) => {
        load.ready = null;
        throw err;
      });
  }
  return load.ready;
}

/**
 * A plain-data copy of a host's config, read entirely on the JavaScript side:
 * a throwing getter, a hostile Proxy or a cycle becomes an error message here
 * instead of an exception inside WebAssembly. Numbers (even NaN) stay as they
 * are, so the widget can name the field that holds one.
 */
function plainConfig(value) {
  const TOO_DEEP = "nested more than 32 levels deep";
  // Far above any valid config; a hostile `new Array(2 ** 32 - 1)` stops here.
  const MAX_ITEMS = 100000;
  const copy = (v, depth) => {
    if (v === null || typeof v !== "object") return v;
    if (depth > 32) throw new Error(TOO_DEEP);
    if (Array.isArray(v)) {
      if (v.length > MAX_ITEMS) throw new Error(`an array has more than ${MAX_ITEMS} items`);
      return Array.from(v, (item) => copy(item, depth + 1));
    }
    const out = {};
    const keys = Object.keys(v);
    if (keys.length > MAX_ITEMS) throw new Error(`an object has more than ${MAX_ITEMS} fields`);
    for (const key of keys) {
      // defineProperty, not assignment: a "__proto__" key stays a key (and an
      // unknown-field error) instead of becoming the copy's prototype.
      Object.defineProperty(out, key, { value: copy(v[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  try {
    return { ok: true, config: copy(value ?? null, 0) };
  } catch (err) {
    const why = err?.message ?? String(err);
    return { ok: false, message: why === TOO_DEEP ? `config: ${why}` : `config: could not be read (${why})` };
  }
}

/** The live handle of each mounted element: mounting again replaces it. */
const HANDLES = new WeakMap();

/** The field focused inside `element`'s widget: how to find it again, and its caret. */
function focusIn(element) {
  const active = element.shadowRoot?.activeElement;
  if (!active) return null;
  let caret = null;
  try {
    if (typeof active.selectionStart === "number") caret = [active.selectionStart, active.selectionEnd];
  } catch {
    // An input type without a caret.
  }
  return { id: active.id, testid: active.getAttribute("data-testid"), caret };
}

/**
 * Focuses the field `focus` describes in the widget that replaced the one it
 * was in, unless the visitor focused something else meanwhile (tried again
 * for a few frames, until the new widget has drawn it).
 */
function refocus(element, focus, frames = 10) {
  if (!focus) return;
  const root = element.shadowRoot;
  const field =
    (focus.id && root?.getElementById(focus.id)) ||
    (focus.testid && root?.querySelector(`[data-testid="${CSS.escape(focus.testid)}"]`));
  if (!field) {
    if (frames > 0) requestAnimationFrame(() => refocus(element, focus, frames - 1));
    return;
  }
  const page = document.activeElement;
  if (page !== null && page !== document.body && page !== element) return;
  field.focus();
  if (focus.caret) {
    try {
      field.setSelectionRange(...focus.caret);
    } catch {
      // An input type without a caret.
    }
  }
}

/**
 * A handle that outlives the wasm one safely: calls after destroy() are
 * no-ops, and so are calls on a handle replaced by a later mount().
 * `kind` is the build `inner` comes from: an update() to demo mode on the
 * visitor's build loads the demo build and mounts it in its place, which
 * takes over what the visitor typed.
 */
function wrap(element, inner, kind) {
  let live = inner;
  // The latest demo config waiting for the demo build, while it loads.
  let waiting = null;
  let loading = false;
  const switchToDemo = (config) => {
    waiting = config;
    if (loading) return;
    loading = true;
    boot("demo")
      .then(
        (glue) => {
          loading = false;
          const config = waiting;
          waiting = null;
          // Destroyed meanwhile, or a later update() went back to user mode.
          if (!live || config === null) return;
          // What the visitor typed, the horizon and the rest carry over. The
          // old widget is let go first: if anything below throws, no call
          // reaches a freed one.
          const old = live;
          live = null;
          const focus = focusIn(element);
          let carried;
          try {
            carried = old.carryOver();
          } finally {
            old.destroy();
            old.free();
          }
          live = glue.mountWidget(element, config, carried);
          kind = "demo";
          refocus(element, focus);
        },
        (err) => {
          loading = false;
          // Only while demo mode is still what the host asks for: a later
          // user-mode update() keeps its working widget.
          const wanted = waiting !== null;
          waiting = null;
          console.error("soft-staking: the demo build could not be loaded", err);
          if (live && wanted) live.showError("Demo mode could not be loaded; update() again to retry.");
        },
      )
      .catch((err) => {
        console.error("soft-staking: the demo build could not be mounted", err);
        if (!live && HANDLES.get(element) === handle) plainError(element, "The soft staking estimator could not be loaded.");
      });
  };
  const handle = Object.freeze({
    update(config) {
      if (!live) return;
      const read = plainConfig(config);
      if (kind === "visitor" && buildFor(read) === "demo") {
        switchToDemo(read.config);
        return;
      }
      waiting = null;
      if (read.ok) live.update(read.config);
      else live.showError(read.message);
    },
    destroy() {
      if (live) {
        live.destroy();
        live.free();
        live = null;
        waiting = null;
        if (HANDLES.get(element) === handle) HANDLES.delete(element);
      }
    },
    // False after destroy(), and for an element that cannot hold a shadow
    // root (an <input>, a <button>, …), where only a message is shown.
    get mounted() {
      return live !== null && live.mounted;
    },
  });
  HANDLES.set(element, handle);
  return handle;
}

/**
 * Shows `message` in `element` without WebAssembly (when it failed to load);
 * a later mount() on the element removes it.
 */
function plainError(element, message) {
  HANDLES.get(element)?.destroy();
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "config-error");
  box.textContent = message;
  // In the widget's own (emptied) shadow root if it had one, where it shows;
  // never over a host's own shadow root and content.
  // (The widget's roots carry the marker src/embed/shadow.rs sets.)
  const root = element.shadowRoot;
  if (root && typeof root.softStakingWidgetRoot !== "string") {
    console.error(`soft-staking: ${message}`);
  } else {
    (root ?? element).replaceChildren(box);
  }
  const handle = Object.freeze({
    update() {},
    destroy() {
      box.remove();
      if (HANDLES.get(element) === handle) HANDLES.delete(element);
    },
    mounted: false,
  });
  HANDLES.set(element, handle);
  return handle;
}

/**
 * The latest mount request of each element. A request that finishes after a
 * newer one started (a slow config fetch behind a host's own mount() call)
 * does not replace the newer widget.
 */
const LATEST = new WeakMap();

function claim(element) {
  const token = {};
  LATEST.set(element, token);
  return token;
}

/** The handle of a request a newer mount() overtook: it never mounted. */
const SUPERSEDED = Object.freeze({ update() {}, destroy() {}, mounted: false });

/**
 * Mounts a widget on `element`. `config` is optional (built-in samples).
 * Resolves to `{ update(config), destroy() }`.
 */
export async function mount(element, config) {
  if (FIRST) return FIRST.mount(element, config);
  if (!(element instanceof Element)) {
    let elsewhere = false;
    try {
      elsewhere = element?.nodeType === Node.ELEMENT_NODE;
    } catch {
      // Not an element either way.
    }
    throw new TypeError(
      elsewhere
        ? "soft-staking mount(): the element belongs to another window (an iframe's): import embed.js in that window's page and mount from there"
        : "soft-staking mount(): the first argument must be a DOM element",
    );
  }
  return mountConfig(element, config, claim(element));
}

/**
 * Mounts on `element` what `got` holds (a config read by `plainConfig`, or an
 * error message to show), with the build it needs, unless a newer mount
 * request took the element meanwhile; `unloadable` is the message shown when
 * the WebAssembly cannot load.
 */
async function mountClaimed(element, token, got, unloadable) {
  const kind = buildFor(got);
  let glue;
  try {
    glue = await boot(kind);
  } catch (err) {
    console.error("soft-staking: the WebAssembly module could not be loaded", err);
    return LATEST.get(element) === token ? plainError(element, unloadable) : SUPERSEDED;
  }
  if (LATEST.get(element) !== token) return SUPERSEDED;
  // Mounting an element again replaces its widget: the old handle is done.
  HANDLES.get(element)?.destroy();
  return wrap(element, got.ok ? glue.mountWidget(element, got.config) : glue.mountError(element, got.message), kind);
}

/** Mounts a widget that shows only `message` as its config error. */
function mountWithError(element, message, token) {
  return mountClaimed(element, token, { ok: false, message }, message);
}

/** Mounts `config` for a declarative tag's request `token`. */
function mountConfig(element, config, token) {
  return mountClaimed(element, token, plainConfig(config), "The soft staking estimator could not be loaded.");
}

const MOUNTED = new WeakMap();
/** The mount request of each declarative tag auto-mounted (see `unmountRemoved`). */
const AUTO = new WeakMap();

/** Mounts one declarative `<div data-soft-staking>`; never throws. */
async function autoMount(element) {
  if (MOUNTED.has(element)) return MOUNTED.get(element);
  // The host called mount() on it (say in the task that added it, before
  // this observer ran): the element stays the host's, also when it is moved
  // or put back after destroy(); the host mounts it again if it wants.
  if (LATEST.has(element)) return undefined;
  const token = claim(element);
  AUTO.set(element, token);
  const pending = (async () => {
    const inline = element.getAttribute("data-config");
    const url = element.getAttribute("data-config-url");
    if (inline !== null && inline.trim() !== "") {
      let config;
      try {
        config = JSON.parse(inline);
      } catch (err) {
        return mountWithError(element, `data-config is not valid JSON: ${err.message}`, token);
      }
      return mountConfig(element, config, token);
    }
    if (url) {
      let config;
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        config = await response.json();
      } catch (err) {
        return mountWithError(element, `data-config-url ${url} could not be loaded: ${err.message}`, token);
      }
      return mountConfig(element, config, token);
    }
    return mountConfig(element, null, token);
  })();
  MOUNTED.set(element, pending);
  return pending;
}

/**
 * A declarative tag taken out of the page (a single-page app's route
 * change) is destroyed, or never mounted if its config is still on its way,
 * so that it leaves no listener or channel behind; put back later, it
 * mounts afresh. One back in the page a task later (moved, re-parented) is
 * left alone. A host that called mount() on it owns it, and its destroy().
 */
function unmountRemoved(element) {
  if (element.isConnected || !MOUNTED.has(element)) return;
  const token = AUTO.get(element);
  MOUNTED.delete(element);
  AUTO.delete(element);
  if (LATEST.get(element) !== token) return;
  LATEST.delete(element);
  HANDLES.get(element)?.destroy();
}

function autoMountAll(root) {
  root.querySelectorAll("[data-soft-staking]").forEach((el) => {
    autoMount(el).catch((err) => console.error("soft-staking:", err));
  });
}

if (!EARLIER) {
  try {
    globalThis[SHARED] = Object.freeze({ mount, home: HOME });
  } catch {
    // A frozen global object: each copy then works on its own.
  }
}

// Tags are mounted by the first copy on the page only.
if (typeof document !== "undefined" && !EARLIER) {
  // Start loading now: a page that loads this module is about to mount a
  // widget, most likely for its visitors (a failed load is retried by the
  // first mount, which reports it). Not when a mount already started a load
  // (a host module that mounts a demo config as soon as it runs, a tag's
  // inline demo config): that page may not need the visitor's build at all.
  queueMicrotask(() => {
    if (!LOADS.visitor.ready && !LOADS.demo.ready) boot("visitor").catch(() => {});
  });
  const start = () => {
    autoMountAll(document);
    // Declarative widgets added later (e.g. by a single-page app) mount too.
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          const tags = [...node.querySelectorAll("[data-soft-staking]")];
          if (node.matches("[data-soft-staking]")) tags.push(node);
          // A task later: a framework that takes a node out and puts it
          // back across an await keeps its widget.
          if (tags.length > 0) setTimeout(() => tags.forEach(unmountRemoved), 0);
        }
        for (const node of record.addedNodes) {
          // Added and taken out again before this ran: nothing to mount.
          if (node.nodeType !== Node.ELEMENT_NODE || !node.isConnected) continue;
          if (node.matches("[data-soft-staking]")) autoMount(node).catch(() => {});
          autoMountAll(node);
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}
