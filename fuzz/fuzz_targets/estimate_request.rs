//! Any JSON text as a CLI request, run through the engine when valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soft_staking::config::request::parse_request;
use soft_staking::config::Loose;

fuzz_target!(|data: &[u8]| {
    let mut de = serde_json::Deserializer::from_slice(data);
    if let Ok(doc) = Loose::from_deserializer(&mut de) {
        if let Ok(request) = parse_request(&doc) {
            // Keep runs short: the engine itself is fuzzed in engine_day.
            if request.days <= 400 {
                let _ = request.run();
            }
        }
    }
});
