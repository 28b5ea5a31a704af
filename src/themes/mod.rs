//! Themes: the codebook of what statements discuss, and (in time) automatic tags with
//! a stance and the positions of actors.

pub mod codebook;
pub mod tagger;

pub use codebook::Codebook;
pub use tagger::{AutoTag, Stance, Tagger};
