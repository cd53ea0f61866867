//! The property tests shrink: when a property fails, the case reported is a small one, so
//! a failure can be read. (The properties themselves are in the modules of their areas.)
use crate::support::arbitrary::{self, for_any};

#[test]
fn a_failing_property_is_reported_for_a_small_case() {
    let failure = std::panic::catch_unwind(|| {
        for_any(300, |rng| {
            let store = arbitrary::store(rng);
            assert!(
                store.assessments.len() < 2,
                "{} assessments, {} schools, {} workshops, {} plans",
                store.assessments.len(),
                store.schools.len(),
                store.workshops.len(),
                store.plans.len()
            );
        })
    })
    .expect_err("some arbitrary store has two assessments");
    let message = failure.downcast_ref::<String>().expect("a message").clone();
    // The smallest failing store: two assessments and nothing else that could be dropped.
    assert!(
        message.contains("Test failed: 2 assessments,")
            && message.contains(" 0 workshops, 0 plans"),
        "not shrunk: {message}"
    );
}
