//! Leak accounting, in its own test binary so no other test's objects are alive at the same time.

use ferrule_ffi::FfiBuffer;
use template::*;

#[test]
fn every_allocation_is_counted_until_released() {
    assert_eq!(template_live_objects(), 0);
    let mut counter = 0;
    assert_eq!(unsafe { template_counter_new(1, &mut counter) }, 0);
    let mut greeting = FfiBuffer::EMPTY;
    let name = "leak";
    assert_eq!(
        unsafe { template_greet(name.as_ptr(), name.len(), &mut greeting) },
        0
    );
    assert_eq!(template_live_objects(), 2);

    let mut report = FfiBuffer::EMPTY;
    assert_eq!(unsafe { template_live_objects_report(&mut report) }, 0);
    let text =
        String::from_utf8(unsafe { std::slice::from_raw_parts(report.ptr, report.len) }.to_vec())
            .unwrap();
    unsafe { template_buffer_free(report) };
    // Counted before the report buffer itself was allocated.
    assert_eq!(text, "Counter 1\nbuffer 1\n");

    unsafe { template_buffer_free(greeting) };
    assert_eq!(template_counter_release(counter), 0);
    assert_eq!(template_live_objects(), 0);
}
