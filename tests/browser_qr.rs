//! A QR round trip in a real browser: a member's answers made into a response link, the
//! link drawn as the app draws its QR code (an SVG), the picture rasterised by the
//! browser and read back by the scanner's decoder; the link read back gives the answers.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::domain::workshop::aas::{Member, Position, When};

wasm_bindgen_test_configure!(run_in_browser);

/// Draws an SVG into a canvas the way a browser shows it, and returns the RGBA pixels.
async fn rasterise(svg: &str, size: u32) -> Vec<u8> {
    let document = web_sys::window().unwrap().document().unwrap();
    let image: web_sys::HtmlImageElement = document.create_element("img").unwrap().unchecked_into();
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        image.set_onload(Some(&resolve));
    });
    let encoded = js_sys::encode_uri_component(svg);
    image.set_src(&format!("data:image/svg+xml,{encoded}"));
    wasm_bindgen_futures::JsFuture::from(loaded).await.unwrap();
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(size);
    canvas.set_height(size);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            size.into(),
            size.into(),
        )
        .unwrap();
    context
        .get_image_data(0.0, 0.0, size.into(), size.into())
        .unwrap()
        .data()
        .to_vec()
}

fn member() -> Member {
    let mut me = Member::new("rk3j9x0q2m7".into(), "Ann Evans", "Board member");
    for (i, practice) in waypoint::domain::workshop::aas::aas()
        .practices()
        .enumerate()
    {
        me.set(
            &practice.statement.id,
            When::Now,
            Some(Position::ALL[i % 5]),
        );
        me.set(
            &practice.statement.id,
            When::Desired,
            Some(Position::ALL[(i + 2) % 5]),
        );
    }
    me.set_note("finance-s1", "Single budget model from April");
    me
}

#[wasm_bindgen_test]
async fn a_response_link_survives_being_drawn_as_a_qr_code_and_scanned() {
    let me = member();
    let link = waypoint::join_link::make_response("w1", &me).await.unwrap();
    let (size, path) = waypoint::qr::svg_path(&link).expect("the link fits a QR code");
    let svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {size} {size}' shape-rendering='crispEdges'><rect width='{size}' height='{size}' fill='#fff'/><path d='{path}' fill='#000'/></svg>"
    );
    let pixels = rasterise(&svg, size as u32 * 4).await;
    let found = waypoint::qr::decode_rgba(size * 4, size * 4, &pixels);
    assert_eq!(
        found,
        vec![link.clone()],
        "the scanner reads back exactly the link"
    );

    let data = link.split("#/answers/").nth(1).unwrap();
    let response = waypoint::join_link::open_response(data).await.unwrap();
    assert_eq!(response.workshop_id, "w1");
    assert_eq!(response.member, me);
}

#[wasm_bindgen_test]
async fn a_picture_without_a_code_reads_as_nothing() {
    let blank = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='#fff'/></svg>";
    let pixels = rasterise(blank, 200).await;
    assert!(waypoint::qr::decode_rgba(200, 200, &pixels).is_empty());
    assert!(waypoint::qr::decode_rgba(0, 0, &[]).is_empty());
}
