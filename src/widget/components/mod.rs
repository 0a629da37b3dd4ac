//! One component a file, each with its own props struct. Data comes down as
//! props; changes go up as reducer actions (`UseReducerDispatcher<State>`,
//! stable across renders so unchanged rows are not re-rendered).

pub mod activation_bar;
pub mod amount;
pub mod apr_cell;
pub mod asset_row;
pub mod asset_table;
pub mod change_entry;
pub mod cohort_panel;
pub mod cohort_results;
pub mod config_error;
pub mod horizon_controls;
pub mod intraday_editor;
pub mod rate_inputs;
pub mod reward_plot;
pub mod row_details;
pub mod row_group;
pub mod share_link;
pub mod status_badge;
pub mod terms_dialog;
