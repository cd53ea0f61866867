//! Making and opening join links and response links: the domain's payloads (see
//! `domain::workshop::join`), compressed by the browser like share links.

use crate::browser::{self, Deflate};
use crate::domain::records::share::{base64url_decode, base64url_encode};
use crate::domain::workshop::aas::{aas, Member, Workshop};
use crate::domain::workshop::join::{
    invite_json, read_invite, read_response, response_json, Invite, Response, MAX_INVITE_BYTES,
    MAX_RESPONSE_BYTES,
};
use crate::route::Route;

/// The page's address without its fragment, to put a fragment on.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

async fn pack(json: String) -> Result<String, String> {
    let packed = browser::deflate(json.as_bytes(), Deflate::Compress, usize::MAX).await?;
    Ok(base64url_encode(&packed))
}

async fn unpack(data: &str, limit: usize) -> Result<String, String> {
    let packed = base64url_decode(data)
        .ok_or("the link is damaged (it has characters a Waypoint link never has)")?;
    let bytes = browser::deflate(&packed, Deflate::Decompress, limit)
        .await
        .map_err(|e| format!("the link is damaged or incomplete ({e})"))?;
    String::from_utf8(bytes).map_err(|_| "the link is damaged".to_string())
}

/// The whole join link of a workshop.
pub async fn make_invite(workshop: &Workshop, trust_name: &str) -> Result<String, String> {
    let data = pack(invite_json(aas(), workshop, trust_name)).await?;
    Ok(format!("{}{}", base_url(), Route::Join(data).href()))
}

pub async fn open_invite(data: &str) -> Result<Invite, String> {
    let json = unpack(data, MAX_INVITE_BYTES).await?;
    read_invite(aas(), &json).map_err(|e| e.to_string())
}

/// The whole response link of a member's answers to the workshop `workshop_id`.
pub async fn make_response(workshop_id: &str, member: &Member) -> Result<String, String> {
    let data = pack(response_json(aas(), workshop_id, member)).await?;
    Ok(format!("{}{}", base_url(), Route::Answers(data).href()))
}

pub async fn open_response(data: &str) -> Result<Response, String> {
    let json = unpack(data, MAX_RESPONSE_BYTES).await?;
    read_response(aas(), &json).map_err(|e| e.to_string())
}
