//! OpenSpecimen payload validation: the rules of Update User, Update Participant and Update
//! Registration, as the server applies them, for forms to check a payload before they send it.
//!
//! The core is plain Rust and tested natively; [`bindings`] is the thin WebAssembly layer that the npm
//! package in `pkg/` calls.

pub mod clock;
pub mod codes;
pub mod issue;
pub mod json;
pub mod options;
pub mod participant;
pub mod registration;
pub mod rules;
#[cfg(feature = "serde-boundary")]
pub mod serde_boundary;
pub mod user;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(target_arch = "wasm32")]
mod wasm_alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: wasm_alloc::ClassAllocator = wasm_alloc::ClassAllocator::new();

pub use clock::{Clock, FixedClock};
pub use issue::{Issue, Param, Segment, Severity};
pub use options::{Mode, Options, OptionsError};
pub use validate::{Kind, Outcome, Validator};
