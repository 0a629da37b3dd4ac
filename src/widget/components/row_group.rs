//! A group of consecutive asset rows. Yew compares the props of every child
//! it re-renders; grouping rows means a change to one row compares
//! `rows / GROUP_SIZE + GROUP_SIZE` children instead of every row.

use std::rc::Rc;

use yew::prelude::*;

use super::asset_row::{AssetRow, RowSettings};
use crate::widget::row::Row;

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
    /// Shared row settings.
    pub settings: RowSettings,
}

/// The rows of one group.
#[function_component(RowGroup)]
pub fn row_group(props: &RowGroupProps) -> Html {
    html! {
        { for props.rows.iter().enumerate().map(|(i, row)| {
            let index = props.first + i;
            // Keyed by symbol: when update() adds, drops or reorders assets,
            // each row keeps its DOM (and the visitor's focus and caret).
            html! {
                <AssetRow
                    key={row.symbol()}
                    row={row.clone()}
                    {index}
                    open={props.open_row == Some(index)}
                    settings={props.settings.clone()}
                />
            }
        }) }
    }
}
