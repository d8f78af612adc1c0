//! The WebAssembly build's allocator: power-of-two size classes with free lists, carved from
//! 64 KiB pages. A validation call allocates a few dozen small blocks and frees them all, so exact
//! reuse by class keeps memory flat across millions of calls, each operation is a handful of
//! instructions, and the code is a fraction of dlmalloc's size (the module's size is a feature).
//!
//! Blocks of more than 64 KiB (only huge payloads) take whole pages and are reused by exact page count.
//! The WebAssembly module is single-threaded, which is what makes the unsynchronised state sound.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 64 * 1024;
const MIN_CLASS_SHIFT: u32 = 4; // 16 bytes
const CLASSES: usize = 13; // 16 B … 64 KiB

struct State {
    /// Free blocks of each class, linked through their first word.
    free: [*mut u8; CLASSES],
    /// Free large blocks, each starting with `[pages, next]`.
    large: *mut usize,
    /// The unused tail of the current page, for carving small blocks.
    bump: usize,
    bump_end: usize,
}

pub struct ClassAllocator {
    state: UnsafeCell<State>,
}

// SAFETY: wasm32-unknown-unknown runs this module on one thread; nothing shares the state.
unsafe impl Sync for ClassAllocator {}

impl ClassAllocator {
    pub const fn new() -> Self {
        ClassAllocator {
            state: UnsafeCell::new(State { free: [null_mut(); CLASSES], large: null_mut(), bump: 0, bump_end: 0 }),
        }
    }
}

impl Default for ClassAllocator {
    fn default() -> Self {
        Self::new()
    }
}

/// The class of a request: the smallest power of two ≥ size and align, from 16 bytes.
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS_SHIFT);
    let class = (usize::BITS - (size - 1).leading_zeros()).saturating_sub(MIN_CLASS_SHIFT) as usize;
    (class < CLASSES).then_some(class)
}

fn pages_for(size: usize) -> usize {
    size.div_ceil(PAGE)
}

/// New pages from the host; null when memory cannot grow.
fn grow(pages: usize) -> *mut u8 {
    let previous = core::arch::wasm32::memory_grow(0, pages);
    if previous == usize::MAX {
        null_mut()
    } else {
        (previous * PAGE) as *mut u8
    }
}

unsafe impl GlobalAlloc for ClassAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: single-threaded (see the `Sync` impl); no reentrancy, as nothing here allocates.
        let state = unsafe { &mut *self.state.get() };
        let Some(class) = class_of(layout) else {
            return unsafe { alloc_large(state, pages_for(layout.size())) };
        };
        let head = state.free[class];
        if !head.is_null() {
            // SAFETY: a free block of this class holds the next free block's address in its first word.
            state.free[class] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        let size = 1usize << (class as u32 + MIN_CLASS_SHIFT);
        if state.bump + size > state.bump_end {
            let page = grow(1);
            if page.is_null() {
                return null_mut();
            }
            state.bump = page as usize;
            state.bump_end = state.bump + PAGE;
        }
        // Blocks are carved at multiples of their size from a page start, so they are aligned to it.
        let block = state.bump as *mut u8;
        state.bump += size;
        block
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`; `ptr` came from `alloc` with this layout.
        let state = unsafe { &mut *self.state.get() };
        match class_of(layout) {
            Some(class) => unsafe {
                *(ptr as *mut *mut u8) = state.free[class];
                state.free[class] = ptr;
            },
            None => unsafe {
                let block = ptr as *mut usize;
                *block = pages_for(layout.size());
                *block.add(1) = state.large as usize;
                state.large = block;
            },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with `layout.align()` is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let same_block = match (class_of(layout), class_of(new_layout)) {
            (Some(old), Some(new)) => old == new,
            (None, None) => pages_for(layout.size()) == pages_for(new_size),
            _ => false,
        };
        if same_block {
            return ptr;
        }
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

/// A large block of exactly `pages` pages: a freed one of that size, or new pages.
unsafe fn alloc_large(state: &mut State, pages: usize) -> *mut u8 {
    let mut link: *mut *mut usize = &mut state.large;
    // SAFETY: the list holds only freed large blocks, each starting with `[pages, next]`.
    unsafe {
        while !(*link).is_null() {
            let block = *link;
            if *block == pages {
                *link = *block.add(1) as *mut usize;
                return block as *mut u8;
            }
            link = block.add(1) as *mut *mut usize;
        }
    }
    grow(pages)
}
