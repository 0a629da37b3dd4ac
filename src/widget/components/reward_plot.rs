//! An SVG plot of cumulative rewards over the horizon, with and without
//! compounding (in demo mode, after a rate change, also the chosen line under
//! the configured rates), with axes and labels. Coordinates are computed with integers
//! and `Decimal` (no float), from the series the engine produced.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::widget::class_list::class_list;
use crate::widget::estimate::PlotSeries;
use crate::widget::format::{Grouped, NumberStyle};
use crate::widget::hooks::use_width::use_width;
use crate::widget::plot_scale::{nice_ceiling, pixels, scientific};

/// Width drawn before the figure's own width is known.
const DEFAULT_WIDTH: i64 = 640;
const HEIGHT: i64 = 240;
const RIGHT: i64 = 16;
const TOP: i64 = 16;
const BOTTOM: i64 = 40;

/// Props of [`RewardPlot`].
#[derive(Properties, PartialEq, Clone)]
pub struct RewardPlotProps {
    /// The series to draw.
    pub series: Rc<PlotSeries>,
    /// Asset symbol (labels).
    pub symbol: AttrValue,
    /// Compounding is the chosen setting (drawn emphasised).
    pub compound: bool,
    /// Demo mode: the series under the configured rates (drawn when it differs).
    #[prop_or_default]
    pub before: Option<Rc<PlotSeries>>,
    /// How the locale writes numbers (axis labels and description).
    pub style: NumberStyle,
}

/// The plot.
#[function_component(RewardPlot)]
pub fn reward_plot(props: &RewardPlotProps) -> Html {
    // Drawn at the figure's real width, so that text keeps its size.
    let figure = use_node_ref();
    let width = use_width(figure.clone()).map_or(DEFAULT_WIDTH, |w| i64::from(w).clamp(240, 2000));
    let text = |v: Decimal| Grouped::of(v, props.style.grouping).to_text(props.style);
    let s = &props.series;
    let chosen = |series: &PlotSeries| {
        if props.compound {
            series.compound.clone()
        } else {
            series.simple.clone()
        }
    };
    let before = props
        .before
        .as_deref()
        .filter(|b| *b != &**s)
        .map(|b| (b.days.clone(), chosen(b)))
        .filter(|(_, values)| !values.is_empty());
    // The compounded series is empty when it outgrows a decimal.
    let has_compound = !s.compound.is_empty();
    let simple_chosen = !props.compound || !has_compound;
    let last_day = s.days.last().copied().unwrap_or(1);
    let top_value = [&s.compound, &s.simple]
        .into_iter()
        .chain(before.as_ref().map(|(_, values)| values))
        .filter_map(|values| values.last().copied())
        .fold(Decimal::ZERO, Decimal::max);
    let y_max = nice_ceiling(top_value);
    // Labels at 12 px (a digit is about 7.5 px wide) take at most 40 % of the
    // width; written out they would not fit, they are written in powers of ten.
    let room = (width * 2 / 5 - 16) * 2 / 15;
    let tick_values = [Decimal::ZERO, y_max / Decimal::TWO, y_max];
    // Exact: the top has two significant digits, its half three.
    let written = tick_values.map(|t| text(t.normalize()));
    let fits = written.iter().all(|l| l.chars().count() as i64 <= room);
    let ticks: Vec<(Decimal, String)> = tick_values
        .into_iter()
        .zip(written)
        .map(|(t, l)| match fits {
            true => (t, l),
            false => (t, scientific(t, props.style.decimal)),
        })
        .collect();
    let widest = ticks
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(1) as i64;
    let left = (16 + widest * 15 / 2).clamp(40, width * 2 / 5);
    let plot_w = width - left - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    // One day is one point, in the middle (drawn as dots below).
    let one_day = last_day <= 1;
    let x = |day: u32| match one_day {
        true => left + plot_w / 2,
        false => left + i64::from(day.saturating_sub(1)) * plot_w / i64::from(last_day - 1),
    };
    let y = |v: Decimal| TOP + plot_h - pixels(v, y_max, plot_h);
    let path_of = |days: &[u32], values: &[Decimal]| {
        days.iter()
            .zip(values)
            .enumerate()
            .map(|(i, (d, v))| format!("{}{} {}", if i == 0 { "M" } else { " L" }, x(*d), y(*v)))
            .collect::<String>()
    };
    let path = |values: &[Decimal]| path_of(&s.days, values);
    let with_compounding = s
        .compound
        .last()
        .map_or_else(|| "too large to compute".to_string(), |v| text(*v));
    let mut title = format!(
        "Cumulative {} rewards over {}: {with_compounding} with compounding, {} without",
        props.symbol,
        if one_day {
            "1 day".to_string()
        } else {
            format!("{last_day} days")
        },
        text(s.simple.last().copied().unwrap_or_default())
    );
    if let Some(last) = before.as_ref().and_then(|(_, values)| values.last()) {
        title.push_str(&format!("; {} before your changes", text(*last)));
    }
    html! {
        <figure class="ss-plot" ref={figure} data-testid={format!("plot-{}", props.symbol)}
            aria-label={format!("Cumulative {} rewards", props.symbol)}>
            <svg viewBox={format!("0 0 {width} {HEIGHT}")} role="img" aria-label={title.clone()} preserveAspectRatio="xMidYMid meet">
                <title>{ title }</title>
                { for ticks.iter().map(|(t, label)| html! {
                    <g class="ss-tick">
                        <line x1={left.to_string()} x2={(width - RIGHT).to_string()} y1={y(*t).to_string()} y2={y(*t).to_string()} class="ss-grid" />
                        <text x={(left - 8).to_string()} y={(y(*t) + 4).to_string()} text-anchor="end" class="ss-axis-label">{ label.clone() }</text>
                    </g>
                }) }
                <line x1={left.to_string()} x2={left.to_string()} y1={TOP.to_string()} y2={(TOP + plot_h).to_string()} class="ss-axis" />
                <line x1={left.to_string()} x2={(width - RIGHT).to_string()} y1={(TOP + plot_h).to_string()} y2={(TOP + plot_h).to_string()} class="ss-axis" />
                if one_day {
                    <text x={x(1).to_string()} y={(HEIGHT - 12).to_string()} text-anchor="middle" class="ss-axis-label">{ "day 1" }</text>
                } else {
                    <text x={left.to_string()} y={(HEIGHT - 12).to_string()} class="ss-axis-label">{ "day 1" }</text>
                    <text x={(width - RIGHT).to_string()} y={(HEIGHT - 12).to_string()} text-anchor="end" class="ss-axis-label">{ format!("day {last_day}") }</text>
                    <text x={(left + plot_w / 2).to_string()} y={(HEIGHT - 12).to_string()} text-anchor="middle" class="ss-axis-label">{ "days" }</text>
                }
                <path d={path(&s.simple)} class={class_list("ss-line ss-line-simple", &[(simple_chosen, "is-chosen")])} />
                <path d={path(&s.compound)} class={class_list("ss-line ss-line-compound", &[(!simple_chosen, "is-chosen")])} />
                if let Some((days, values)) = &before {
                    <path d={path_of(days, values)} class="ss-line ss-line-before" data-testid={format!("plot-before-{}", props.symbol)} />
                }
                // A line of one point draws nothing: one day is a dot, for the
                // chosen setting (day 1 is the same with or without
                // compounding) and, in demo mode, before the changes.
                if one_day {
                    { for [
                        ("ss-dot-before", before.as_ref().map(|(_, v)| v)),
                        if simple_chosen { ("ss-dot-simple", Some(&s.simple)) } else { ("ss-dot-compound", Some(&s.compound)) },
                    ]
                        .into_iter()
                        .filter_map(|(class, values)| Some((class, *values?.first()?)))
                        .map(|(class, v)| html! { <circle cx={x(1).to_string()} cy={y(v).to_string()} r="5" class={class_list("ss-dot", &[(true, class)])} /> }) }
                }
            </svg>
            <figcaption class="ss-legend">
                if has_compound {
                    <span class="ss-key ss-key-compound">{ "with compounding" }</span>
                } else {
                    <span class="ss-hint">{ "with compounding: too large to compute" }</span>
                }
                <span class="ss-key ss-key-simple">{ "without compounding" }</span>
                if before.is_some() {
                    <span class="ss-key ss-key-before">{ "before your changes" }</span>
                }
                <span class="ss-hint">{ format!("cumulative {} rewards", props.symbol) }</span>
            </figcaption>
        </figure>
    }
}
