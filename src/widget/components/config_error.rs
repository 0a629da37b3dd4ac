//! A readable error in the widget's box when the config is invalid.

use yew::prelude::*;

/// Props of [`ConfigError`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConfigErrorProps {
    /// What is wrong, naming the field.
    pub message: String,
}

/// The config error box.
#[function_component(ConfigError)]
pub fn config_error(props: &ConfigErrorProps) -> Html {
    html! {
        <div class="ss-config-error" role="alert" data-testid="config-error">
            <strong>{ "The soft staking estimator cannot show estimates: " }</strong>
            <span>{ props.message.clone() }</span>
        </div>
    }
}
