//! Components mounted in a real browser: what they show and that the chart draws.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::app::App;
use waypoint::components::checklist::stage_badge::StageBadge;
use waypoint::components::checklist::stage_profile::StageProfile;
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::checklist::assessment::{Assessment, AssessmentDetails, Level, Scope};
use waypoint::domain::checklist::placement::assess;
use waypoint::domain::records::store::Store;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets scheduled effects run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn answered(levels: [Level; 4]) -> Assessment {
    let mut a = Assessment::new(
        "c1".into(),
        "sc1".into(),
        AssessmentDetails {
            school: "Component School".into(),
            scope: Scope::WholeSchool,
            date: "2026-11-23".into(),
            assessors: String::new(),
            phase: None,
        },
        1.0,
    );
    for f in &four_stages().features {
        a.set_level(&f.id, Some(levels[f.stage.index()]), 2.0);
    }
    a
}

#[wasm_bindgen_test]
async fn stage_badge_writes_the_stage_name_and_follows_its_signal() {
    let root = container();
    let stage = RwSignal::new(None::<Stage>);
    let handle =
        leptos::mount::mount_to(root.clone(), move || view! { <StageBadge stage=stage /> });
    assert_eq!(root.text_content().unwrap(), "No stage yet");
    stage.set(Some(Stage::Repair));
    tick().await;
    assert_eq!(root.text_content().unwrap(), "Repair");
    let badge = root.query_selector(".stage-badge").unwrap().unwrap();
    assert!(badge.class_name().contains("stage-repair"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn stage_profile_draws_the_chart_and_fills_the_table() {
    let root = container();
    let assessment = answered([
        Level::NotSeen,
        Level::Partly,
        Level::Clearly,
        Level::NotSeen,
    ]);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let result = Memo::new(move |_| Some(assess(four_stages(), &assessment)));
        view! { <StageProfile result=result /> }
    });
    tick().await;
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(canvas.width() >= 640);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let pixels = context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data();
    let inked = pixels
        .chunks(4)
        .filter(|p| p[0] < 240 || p[1] < 240 || p[2] < 240)
        .count();
    assert!(inked > 3000, "the chart drew {inked} coloured pixels");
    let rows = root.query_selector_all(".profile-table tbody tr").unwrap();
    assert_eq!(rows.length(), 7, "overall and six themes");
    let overall = rows.item(0).unwrap().text_content().unwrap();
    assert!(overall.starts_with("OverallImprove"), "{overall}");
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.contains("Overall: Improve"), "{label}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_app_lists_what_storage_holds() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let assessment = answered([
        Level::Clearly,
        Level::NotSeen,
        Level::NotSeen,
        Level::NotSeen,
    ]);
    let store = Store {
        schools: vec![waypoint::domain::base::school::School::new(
            assessment.school_id.clone(),
            "Component School",
            1.0,
        )],
        assessments: vec![assessment],
        ..Store::default()
    };
    waypoint::storage::save(&store, &store.keys(), waypoint::storage::EVERY_RECORD).unwrap();
    web_sys::window().unwrap().location().set_hash("/").unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Your assessments"), "{text}");
    assert!(text.contains("Component School"), "{text}");
    assert!(text.contains("Stabilise"), "{text}");
    assert!(text.contains("28 of 28 answered"), "{text}");
    drop(handle);
    storage.clear().unwrap();
}

/// The pixels of a rectangle of the canvas, in device pixels.
fn pixels(canvas: &web_sys::HtmlCanvasElement, x: f64, width: f64) -> Vec<u8> {
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    context
        .get_image_data(x, 0.0, width, canvas.height() as f64)
        .unwrap()
        .data()
        .to_vec()
}

#[wasm_bindgen_test]
fn chart_labels_are_reused_only_while_they_are_the_same() {
    use waypoint::charts::stage_profile::{draw_stage_profile, ProfileRow};
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").unwrap().unchecked_into();
    let row = |label: &str, fits: [Option<f64>; 4]| ProfileRow {
        label: label.into(),
        stage: Some(Stage::Repair),
        fits,
    };
    draw_stage_profile(
        canvas.clone(),
        &[row("Alpha", [Some(0.2), Some(0.9), None, None])],
    )
    .unwrap();
    // Drawn at the screen's density, and at least twice over for print.
    let scale = f64::from(canvas.width()) / 640.0;
    assert!(scale >= 2.0, "drawn at {scale}x");
    let labels = (0.0, 200.0 * scale);
    let cells = (210.0 * scale, 400.0 * scale);
    let (first_labels, first_cells) = (
        pixels(&canvas, labels.0, labels.1),
        pixels(&canvas, cells.0, cells.1),
    );
    let inked = first_labels.chunks(4).filter(|p| p[0] < 200).count();
    assert!(inked > 50, "the label was drawn ({inked} dark pixels)");

    // New answers, same labels: the labels come from the kept layer, the cells are new.
    draw_stage_profile(
        canvas.clone(),
        &[row("Alpha", [Some(0.9), Some(0.1), Some(0.5), None])],
    )
    .unwrap();
    assert_eq!(pixels(&canvas, labels.0, labels.1), first_labels);
    assert_ne!(pixels(&canvas, cells.0, cells.1), first_cells);

    // A different label is drawn afresh, never taken from an old layer.
    draw_stage_profile(
        canvas.clone(),
        &[row("Omega", [Some(0.9), Some(0.1), Some(0.5), None])],
    )
    .unwrap();
    assert_ne!(pixels(&canvas, labels.0, labels.1), first_labels);
}
