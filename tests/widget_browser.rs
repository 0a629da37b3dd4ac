//! Component tests of the widget in headless Chromium (wasm-bindgen-test):
//! the real Yew components over the real engine, mounted the way `embed.js`
//! mounts them, driven through DOM events, plus the reducer on its own.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test widget_browser`
//! (runner and CHROMEDRIVER as set by `.ci/test`).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use soft_staking::config::widget_config::WidgetConfig;
use soft_staking::embed::{mount_widget, WidgetHandle};
use soft_staking::widget::rate_edits::EditTarget;
use soft_staking::widget::state::{Action, Activation, State};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

// ---- helpers ---------------------------------------------------------------

/// One macrotask (`setTimeout(0)`), after the microtasks queued before it.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The markup of every mounted widget (the shadow roots of the body's children).
fn widgets_markup() -> String {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i)?.shadow_root())
        .map(|root| root.inner_html())
        .collect()
}

/// Lets Yew finish what the last event started. Its scheduler works in
/// microtasks but hands the thread back to the browser (`setTimeout(0)`)
/// after 16 ms, which a debug build on a busy machine reaches, so one
/// macrotask is not always enough: wait until the widgets' markup stays the
/// same across a macrotask.
async fn settle() {
    let mut last = widgets_markup();
    for _ in 0..200 {
        tick().await;
        let now = widgets_markup();
        if now == last {
            return;
        }
        last = now;
    }
}

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

struct Mounted {
    host: Element,
    handle: WidgetHandle,
}

impl Mounted {
    fn new(config: JsValue) -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let handle = mount_widget(host.clone(), config, None);
        Mounted { host, handle }
    }
    fn root(&self) -> ShadowRoot {
        self.host.shadow_root().expect("open shadow root")
    }
    fn find(&self, testid: &str) -> Option<Element> {
        self.root()
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .unwrap()
    }
    fn text(&self, testid: &str) -> String {
        self.find(testid)
            .unwrap_or_else(|| panic!("no element {testid}"))
            .text_content()
            .unwrap_or_default()
    }
    async fn type_into(&self, testid: &str, value: &str) {
        let input: HtmlInputElement = self.find(testid).unwrap().dyn_into().unwrap();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        input
            .dispatch_event(
                &web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into())
                    .unwrap(),
            )
            .unwrap();
        settle().await;
    }
    async fn click(&self, testid: &str) {
        let el: HtmlElement = self.find(testid).unwrap().dyn_into().unwrap();
        el.click();
        settle().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.destroy();
        self.host.remove();
    }
}

const ONE_ASSET: &str = r#"{"assets":[{"symbol":"BNB","apr":"0.05","min_amount":"0.5","max_cap":"1000"}],"storage_key":"wbt"}"#;

// ---- mounted component -----------------------------------------------------

#[wasm_bindgen_test]
async fn typing_a_balance_shows_the_exact_estimate() {
    let w = Mounted::new(js(ONE_ASSET));
    settle().await;
    assert_eq!(w.text("apr-BNB"), "5%");
    w.type_into("balance-input-BNB", "1000").await;
    // 1000 × 0.05 ÷ 365 = 0.136986301… → 0.13698630 (spec's worked example)
    assert_eq!(w.text("daily-reward-BNB"), "0.13698630");
    assert!(w.text("status-BNB").contains("eligible"));
}

#[wasm_bindgen_test]
async fn a_bad_keystroke_shows_an_error_and_keeps_the_last_estimate() {
    let w = Mounted::new(js(ONE_ASSET));
    settle().await;
    w.type_into("balance-input-BNB", "1000").await;
    w.type_into("balance-input-BNB", "1000x").await;
    assert!(w.text("error-BNB").to_lowercase().contains("number"));
    assert_eq!(w.text("daily-reward-BNB"), "0.13698630");
    w.type_into("balance-input-BNB", "2000").await;
    assert!(w.find("error-BNB").is_none());
    // capped at 1000: same payout as 1000
    assert_eq!(w.text("daily-reward-BNB"), "0.13698630");
    assert!(w.text("status-BNB").contains("cap"));
}

#[wasm_bindgen_test]
async fn below_minimum_and_uncapped_are_shown() {
    let w = Mounted::new(js(
        r#"{"assets":[{"symbol":"ADA","apr":"0.02","min_amount":"150"}],"storage_key":"wbt2"}"#,
    ));
    settle().await;
    assert!(!w.text("max-ADA").chars().any(|c| c.is_ascii_digit()));
    w.type_into("balance-input-ADA", "149.99").await;
    assert!(w.text("status-ADA").contains("minimum"));
    assert_eq!(w.text("daily-reward-ADA"), "0.00000000");
}

#[wasm_bindgen_test]
async fn a_bad_config_renders_an_error_inside_the_box() {
    let w = Mounted::new(js(
        r#"{"assets":[{"symbol":"BNB","apr":"0.05","tiers":[]}]}"#,
    ));
    settle().await;
    let text = w.text("config-error");
    assert!(text.contains("config.assets[0].tiers"), "{text}");
}

/// Evaluates the JavaScript expression `expr` (values JSON cannot carry).
fn eval(expr: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
fn a_javascript_value_reads_as_loose_json_by_value() {
    use soft_staking::config::Loose;
    use soft_staking::embed::config_value::loose_from_js;
    let got = loose_from_js(&eval(
        "{ a: 9007199254740991, b: 9007199254740992, c: 1.5, d: -0, e: undefined, f: 12345678901234567890n, g: [true, 'x'] }",
    ))
    .unwrap();
    let expected = Loose::Object(vec![
        ("a".into(), Loose::Integer(9_007_199_254_740_991)),
        // 2^53 is not a safe integer, 1.5 is fractional: kept without a value.
        ("b".into(), Loose::Number),
        ("c".into(), Loose::Number),
        ("d".into(), Loose::Integer(0)),
        ("e".into(), Loose::Null),
        ("f".into(), Loose::Integer(12_345_678_901_234_567_890)),
        (
            "g".into(),
            Loose::List(vec![Loose::Bool(true), Loose::Text("x".into())]),
        ),
    ]);
    assert_eq!(got, expected);
}

#[wasm_bindgen_test]
fn reading_a_hostile_javascript_value_names_the_field_and_throws_nothing() {
    use soft_staking::embed::config_value::loose_from_js;
    let cases = [
        (
            "{ assets: [{ symbol: 'BNB', get apr() { throw new Error('getter says no'); } }] }",
            "config.assets[0].apr: could not be read (getter says no)",
        ),
        (
            "new Proxy({}, { ownKeys() { throw new Error('trap says no'); } })",
            "config: could not be read (trap says no)",
        ),
        (
            "(() => { const c = { assets: [] }; c.assets.push(c); return c; })()",
            "config: nested more than 32 levels deep",
        ),
        (
            "{ get assets() { throw { get message() { throw new Error('again'); } }; } }",
            "config.assets: could not be read (it threw)",
        ),
        (
            "{ assets: new Array(2 ** 32 - 1) }",
            "config.assets: has more than 100000 items",
        ),
        (
            "{ assets: [{ symbol: 'BNB', apr: () => '0.05' }] }",
            "config.assets[0].apr: must be JSON data (a string, number, boolean, null, array or object), not a function",
        ),
    ];
    for (expr, expected) in cases {
        assert_eq!(loose_from_js(&eval(expr)).unwrap_err(), expected, "{expr}");
    }
    // A revoked Proxy makes even Array.isArray throw (the reason is the browser's).
    let revoked = eval(
        "(() => { const p = Proxy.revocable([], {}); p.revoke(); return { assets: p.proxy }; })()",
    );
    let message = loose_from_js(&revoked).unwrap_err();
    assert!(
        message.starts_with("config.assets: could not be read ("),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn mounting_a_config_with_a_throwing_getter_shows_the_error_in_the_box() {
    let w = Mounted::new(eval(
        "{ get assets() { throw new Error('getter says no'); } }",
    ));
    settle().await;
    let text = w.text("config-error");
    assert!(
        text.contains("config.assets: could not be read (getter says no)"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn the_activation_flow_needs_the_ticked_terms() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("wbt-activation").unwrap();
    let w = Mounted::new(js(r#"{"storage_key":"wbt-activation"}"#));
    settle().await;
    let events = Rc::new(RefCell::new(Vec::<bool>::new()));
    let sink = events.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let active = js_sys::Reflect::get(&e.detail(), &"active".into()).unwrap();
            sink.borrow_mut().push(active.as_bool().unwrap());
        });
    w.host
        .add_event_listener_with_callback(
            "softstaking:activation",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    w.click("activate-button").await;
    let start = w.find("start-earning").unwrap();
    assert!(start.has_attribute("disabled"));
    w.click("terms-checkbox").await;
    assert!(!w.find("start-earning").unwrap().has_attribute("disabled"));
    w.click("start-earning").await;
    assert_eq!(
        w.find("soft-staking-toggle")
            .unwrap()
            .get_attribute("aria-checked")
            .as_deref(),
        Some("true")
    );
    assert_eq!(*events.borrow(), vec![true]);
    assert!(storage
        .get_item("wbt-activation")
        .unwrap()
        .unwrap()
        .contains("on=1"));
    w.click("soft-staking-toggle").await;
    assert_eq!(
        w.find("soft-staking-toggle")
            .unwrap()
            .get_attribute("aria-checked")
            .as_deref(),
        Some("false")
    );
    assert_eq!(*events.borrow(), vec![true, false]);
}

#[wasm_bindgen_test]
async fn a_crash_shows_in_the_widget_box_keeps_its_style_and_spares_the_host_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let neighbour = document.create_element("p").unwrap();
    neighbour.set_text_content(Some("host content"));
    document.body().unwrap().append_child(&neighbour).unwrap();
    let w = Mounted::new(js(ONE_ASSET));
    settle().await;
    // Where constructable stylesheets are missing (Safari before 16.4) the
    // widget's stylesheet is a <style> element first in its root, as here.
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(".ss-crash { outline: 3px solid red; }"));
    let root = w.root();
    root.insert_before(&style, root.first_child().as_ref())
        .unwrap();
    // What the panic hook runs when Rust panics.
    soft_staking::embed::panic_guard::show_crash_in_every_widget();
    assert!(w.text("widget-crash").contains("Something went wrong"));
    assert!(w.find("asset-row-BNB").is_none());
    assert_eq!(neighbour.text_content().as_deref(), Some("host content"));
    neighbour.remove();
    // The <style> stays, before the box: the box keeps its look.
    let kept = root.first_element_child().expect("the <style> stays");
    assert_eq!(kept.tag_name(), "STYLE");
    assert_eq!(kept.text_content(), style.text_content());
}

// ---- the bundled stylesheet --------------------------------------------------

/// The CSS rules a stylesheet text parses to, as the browser serializes them
/// (custom properties keep their text as written, so the space after a comma,
/// never significant, is dropped before comparing).
fn parsed_rules(css: &str) -> Vec<String> {
    let sheet = web_sys::CssStyleSheet::new().unwrap();
    sheet.replace_sync(css).unwrap();
    let rules = js_sys::Reflect::get(&sheet, &"cssRules".into()).unwrap();
    js_sys::Array::from(&rules)
        .iter()
        .map(|rule| {
            js_sys::Reflect::get(&rule, &"cssText".into())
                .unwrap()
                .as_string()
                .unwrap()
                .replace(", ", ",")
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_minified_stylesheet_parses_to_the_same_rules_as_its_source() {
    let source = parsed_rules(include_str!("../src/widget/styles.css"));
    let bundled = parsed_rules(soft_staking::embed::WIDGET_CSS);
    assert!(source.len() > 50, "{} rules", source.len());
    assert_eq!(bundled, source);
    assert!(soft_staking::embed::WIDGET_CSS.len() < include_str!("../src/widget/styles.css").len());
}

// ---- reducer on its own ----------------------------------------------------

fn state(config: &str) -> State {
    let loose = soft_staking::embed::config_value::loose_from_js(&js(config)).unwrap();
    State::new(&WidgetConfig::parse(&loose).unwrap(), Activation::default())
}

#[wasm_bindgen_test]
fn reducer_recomputes_only_the_changed_row() {
    let mut s = state(r#"{"assets":[{"symbol":"AAA","apr":"0.05"},{"symbol":"BBB","apr":"0.1"}]}"#);
    let untouched = s.rows[1].clone();
    s.apply(Action::SetBalance {
        row: 0,
        text: "365".into(),
    });
    // 365 × 0.05 ÷ 365 = 0.05
    assert_eq!(
        s.rows[0].estimate.as_ref().unwrap().day.reward.to_string(),
        "0.05000000"
    );
    assert!(Rc::ptr_eq(&untouched, &s.rows[1]));
}

#[wasm_bindgen_test]
fn reducer_demo_edit_changes_after_but_not_before() {
    let mut s = state(r#"{"mode":"demo","assets":[{"symbol":"AAA","apr":"0.05"}]}"#);
    s.apply(Action::SetBalance {
        row: 0,
        text: "365".into(),
    });
    s.apply(Action::EditRate {
        row: 0,
        target: EditTarget::Apr(0),
        text: "10".into(),
    });
    let row = &s.rows[0];
    // after: 365 × 10% ÷ 365 = 0.1; before: 365 × 5% ÷ 365 = 0.05
    assert_eq!(
        row.estimate.as_ref().unwrap().day.reward.to_string(),
        "0.10000000"
    );
    assert_eq!(
        row.before.as_ref().unwrap().day.reward.to_string(),
        "0.05000000"
    );
}

#[wasm_bindgen_test]
fn reducer_holds_at_most_a_hundred_intraday_changes() {
    let mut s = state(r#"{"assets":[{"symbol":"AAA","apr":"0.05"}]}"#);
    for _ in 0..101 {
        s.apply(Action::AddChange { row: 0 });
    }
    assert_eq!(s.rows[0].changes.len(), 100);
    // Removing one makes room for one more.
    let id = s.rows[0].changes[0].id;
    s.apply(Action::RemoveChange { row: 0, id });
    s.apply(Action::AddChange { row: 0 });
    s.apply(Action::AddChange { row: 0 });
    assert_eq!(s.rows[0].changes.len(), 100);
}

#[wasm_bindgen_test]
fn cohort_progress_percent_is_exact_with_a_32_bit_usize() {
    // Here usize is 32 bits: 43,044,000 × 100 = 4,304,400,000 would not fit.
    // 4,304,400,000 ÷ 54,400,000 = 79.1… → 79.
    assert_eq!(usize::BITS, 32);
    assert_eq!(
        soft_staking::widget::cohort_job::percent_done(43_044_000, 54_400_000),
        79
    );
}
