//! Text extraction from containers: being written.
