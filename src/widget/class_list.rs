//! A `class` attribute written as one string: a base class and the state
//! classes that apply. (Yew's `classes!` builds an ordered set of classes
//! instead, whose code the visitor's download carries for nothing: every
//! class list here is short and has no duplicates.)

/// `base`, then each class of `states` whose flag is set, separated by spaces.
pub fn class_list(base: &str, states: &[(bool, &str)]) -> String {
    states
        .iter()
        .filter(|(on, _)| *on)
        .fold(base.to_string(), |mut list, (_, class)| {
            list.push(' ');
            list.push_str(class);
            list
        })
}

#[cfg(test)]
mod tests {
    use super::class_list;

    #[test]
    fn writes_the_base_then_the_classes_that_apply_in_order() {
        assert_eq!(class_list("ss-toggle", &[]), "ss-toggle");
        assert_eq!(class_list("ss-toggle", &[(false, "is-on")]), "ss-toggle");
        assert_eq!(
            class_list("ss-toggle", &[(true, "is-on")]),
            "ss-toggle is-on"
        );
        assert_eq!(
            class_list(
                "ss-asset",
                &[(true, "is-open"), (false, "x"), (true, "is-stale")]
            ),
            "ss-asset is-open is-stale"
        );
    }
}
