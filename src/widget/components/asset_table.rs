//! The eligible assets table: a header and the rows, in groups of
//! [`GROUP_SIZE`] so that a keystroke re-renders one group, not every row.

use std::rc::Rc;

use yew::prelude::*;

use super::asset_row::RowSettings;
use super::row_group::{RowGroup, GROUP_SIZE};
use crate::widget::format::count;
use crate::widget::row::Row;

/// Props of [`AssetTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct AssetTableProps {
    /// The rows, in order.
    pub rows: Vec<Rc<Row>>,
    /// Index of the row whose details are open.
    pub open_row: Option<usize>,
    /// Shared row settings.
    pub settings: RowSettings,
}

/// The table.
#[function_component(AssetTable)]
pub fn asset_table(props: &AssetTableProps) -> Html {
    html! {
        <div class="ss-table-wrap">
            <table class="ss-table" role="table">
                <caption class="ss-sr-only">{ "Soft staking assets and your estimated rewards" }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{ "Token" }</th>
                        <th scope="col" role="columnheader">{ "Minimum" }</th>
                        <th scope="col" role="columnheader">{ "Maximum" }</th>
                        <th scope="col" role="columnheader">{ "Est. APR" }</th>
                        <th scope="col" role="columnheader">{ "Your balance" }</th>
                        <th scope="col" role="columnheader">{ "Est. daily reward" }</th>
                        // Heard as "30 days", not the letter "d".
                        <th scope="col" role="columnheader" aria-label={format!("Cumulative ({})", count(props.settings.horizon_days.into(), "day"))}>
                            { format!("Cumulative ({} d)", props.settings.horizon_days) }
                        </th>
                        <th scope="col" role="columnheader">{ "Status" }</th>
                    </tr>
                </thead>
                { for props.rows.chunks(GROUP_SIZE).enumerate().map(|(g, chunk)| {
                    let first = g * GROUP_SIZE;
                    html! {
                        <RowGroup
                            rows={Rc::<[Rc<Row>]>::from(chunk)}
                            {first}
                            open_row={props.open_row.filter(|i| (first..first + chunk.len()).contains(i))}
                            settings={props.settings.clone()}
                        />
                    }
                }) }
            </table>
        </div>
    }
}
