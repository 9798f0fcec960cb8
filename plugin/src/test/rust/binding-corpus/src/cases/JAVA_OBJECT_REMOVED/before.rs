//! JAVA_OBJECT_REMOVED, before: the release export is renamed, so the type is no object any more.

use ferrule_ffi::{export, memory, Registry};

/// A sized thing.
pub struct Widget;

static WIDGETS: Registry<Widget> = Registry::new("Widget");

export! {
    /// Makes a widget.
    fn corpus_widget_new(out: *mut u64) non_null(out) {
        unsafe { memory::write_out(out, WIDGETS.insert(Widget)) }
    }

    /// Releases a widget.
    fn corpus_widget_release(widget: u64) {
        WIDGETS.remove(widget)
    }

    /// The widget's size.
    fn corpus_widget_size(widget: u64, out: *mut u64) non_null(out) {
        WIDGETS.get(widget)?;
        unsafe { memory::write_out(out, 3) }
    }
}
