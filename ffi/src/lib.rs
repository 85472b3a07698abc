//! C API of merzim (work in progress).
