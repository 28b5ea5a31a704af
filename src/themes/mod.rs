//! Themes: the codebook of what statements discuss, and (in time) automatic tags with
//! a stance and the positions of actors.

pub mod codebook;

pub use codebook::Codebook;
