//! A group of consecutive asset rows. Yew compares the props of every child
//! it re-renders; grouping rows means a change to one row compares
//! `rows / GROUP_SIZE + GROUP_SIZE` children instead of every row.

use std::rc::Rc;

use yew::prelude::*;

use super::asset_row::{AssetRow, EstimateEvent};
use crate::widget::row::Row;
use crate::widget::state::State;

/// Rows per group.
pub const GROUP_SIZE: usize = 16;

/// Props of [`RowGroup`].
#[derive(Properties, PartialEq, Clone)]
pub struct RowGroupProps {
    /// The group's rows (unchanged rows keep their `Rc`, so equality is cheap).
    pub rows: Rc<[Rc<Row>]>,
    /// Index of the group's first row in the state.
    pub first: usize,
    /// The open row, when it is in this group.
    pub open_row: Option<usize>,
    /// Compounding on/off.
    pub compound: bool,
    /// Projection horizon in days.
    pub horizon_days: u32,
    /// Demo mode.
    pub demo: bool,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
    /// Estimate events to the host.
    pub on_estimate: Callback<EstimateEvent>,
    /// Decimal separator of the locale.
    pub decimal: char,
}

/// The rows of one group.
#[function_component(RowGroup)]
pub fn row_group(props: &RowGroupProps) -> Html {
    html! {
        { for props.rows.iter().enumerate().map(|(i, row)| {
            let index = props.first + i;
            html! {
                <AssetRow
                    decimal={props.decimal}
                    row={row.clone()}
                    {index}
                    open={props.open_row == Some(index)}
                    compound={props.compound}
                    horizon_days={props.horizon_days}
                    demo={props.demo}
                    dispatch={props.dispatch.clone()}
                    on_estimate={props.on_estimate.clone()}
                />
            }
        }) }
    }
}
