//! Making and opening share links: the domain's payload, compressed by the browser.

use crate::browser::{self, Deflate};
use crate::domain::records::share::{
    base64url_decode, base64url_encode, read_payload, Shared, MAX_PAYLOAD_BYTES,
};
use crate::route::Route;

/// The fragment (`#/shared/…`) that carries an assessment (see `domain::records::share::share_payload`).
pub async fn make_fragment(json: String) -> Result<String, String> {
    let packed = browser::deflate(json.as_bytes(), Deflate::Compress, usize::MAX).await?;
    Ok(Route::Shared(base64url_encode(&packed)).href())
}

/// Reads the data of a share link, with a reason in words if it cannot.
pub async fn open(data: &str) -> Result<Shared, String> {
    let packed = base64url_decode(data)
        .ok_or("the link is damaged (it has characters a Waypoint link never has)")?;
    let bytes = browser::deflate(&packed, Deflate::Decompress, MAX_PAYLOAD_BYTES)
        .await
        .map_err(|e| format!("the link is damaged or incomplete ({e})"))?;
    let json = String::from_utf8(bytes).map_err(|_| "the link is damaged".to_string())?;
    read_payload(&json).map_err(|e| e.to_string())
}
