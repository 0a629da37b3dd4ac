//! Any JSON text as a widget config: an error naming the field, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soft_staking::config::widget_config::WidgetConfig;
use soft_staking::config::Loose;

fuzz_target!(|data: &[u8]| {
    let mut de = serde_json::Deserializer::from_slice(data);
    if let Ok(doc) = Loose::from_deserializer(&mut de) {
        let _ = WidgetConfig::parse(&doc);
    }
});
