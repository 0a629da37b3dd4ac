//! Demo mode: cohort impact (placeholder until the cohort engine lands).

use std::rc::Rc;

use yew::prelude::*;

use crate::widget::row::Row;

/// Props of [`CohortPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct CohortPanelProps {
    /// The rows (current and original assets).
    pub rows: Vec<Rc<Row>>,
}

/// Cohort impact panel.
#[function_component(CohortPanel)]
pub fn cohort_panel(_props: &CohortPanelProps) -> Html {
    html! {}
}
