//! Native throughput of the demo-mode cohort computation (the code the widget
//! runs in WebAssembly): `cargo bench --bench cohort`.
use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

use soft_staking::config::samples::sample_assets;
use soft_staking::widget::cohort_job::CohortJob;

fn main() {
    let assets: Vec<_> = sample_assets()
        .expect("samples")
        .into_iter()
        .map(|s| s.asset)
        .collect();
    let mut csv = String::from("symbol,balance\n");
    for i in 0..1_000_000u64 {
        let v = (i * 7919) % 100_000_007;
        csv.push_str(&format!(
            "{},{}.{}\n",
            assets[(i % 10) as usize].symbol(),
            v / 10_000,
            v % 10_000
        ));
    }
    let text: Rc<str> = Rc::from(csv);
    let pairs: Vec<_> = assets.iter().map(|a| (a.clone(), a.clone())).collect();
    for _ in 0..3 {
        let start = Instant::now();
        let mut job = CohortJob::new(text.clone(), pairs.clone());
        while !job.step(100_000) {}
        let elapsed = start.elapsed();
        black_box(job.summary());
        println!(
            "cohort 1,000,000 rows: {:.1} ms, {:.0} rows/s",
            elapsed.as_secs_f64() * 1e3,
            1e6 / elapsed.as_secs_f64()
        );
    }
}
