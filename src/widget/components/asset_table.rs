//! The eligible assets table: a header and one keyed row per asset.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::asset_row::AssetRow;
use crate::widget::row::Row;
use crate::widget::state::State;

/// Props of [`AssetTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct AssetTableProps {
    /// The rows, in order.
    pub rows: Vec<Rc<Row>>,
    /// Index of the row whose details are open.
    pub open_row: Option<usize>,
    /// Compounding on/off.
    pub compound: bool,
    /// Projection horizon in days.
    pub horizon_days: u32,
    /// Demo mode.
    pub demo: bool,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
    /// Host element (estimate events).
    pub host: Element,
}

/// The table.
#[function_component(AssetTable)]
pub fn asset_table(props: &AssetTableProps) -> Html {
    html! {
        <div class="ss-table-wrap">
            <table class="ss-table">
                <caption class="ss-sr-only">{ "Soft staking assets and your estimated rewards" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Token" }</th>
                        <th scope="col">{ "Minimum" }</th>
                        <th scope="col">{ "Maximum" }</th>
                        <th scope="col">{ "Est. APR" }</th>
                        <th scope="col">{ "Your balance" }</th>
                        <th scope="col">{ "Est. daily reward" }</th>
                        <th scope="col">{ format!("Cumulative ({} d)", props.horizon_days) }</th>
                        <th scope="col">{ "Status" }</th>
                    </tr>
                </thead>
                { for props.rows.iter().enumerate().map(|(index, row)| html! {
                    <AssetRow
                        key={row.symbol().to_string()}
                        row={row.clone()}
                        {index}
                        open={props.open_row == Some(index)}
                        compound={props.compound}
                        horizon_days={props.horizon_days}
                        demo={props.demo}
                        dispatch={props.dispatch.clone()}
                        host={props.host.clone()}
                    />
                }) }
            </table>
        </div>
    }
}
