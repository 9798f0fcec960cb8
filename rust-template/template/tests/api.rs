//! The template's Rust API, called as Rust: what the exports wrap, without the boundary.

use template::*;

#[test]
fn counter_adds_and_reports_stats() {
    let counter = Counter::new(10);
    assert_eq!(counter.add(5), Ok(15));
    assert_eq!(
        counter.stats(),
        CounterStats {
            value: 15,
            additions: 1
        }
    );
}

#[test]
fn negative_amounts_and_overflow_are_errors() {
    let counter = Counter::new(i64::MAX - 1);
    assert_eq!(counter.add(5), Err(TemplateError::Overflow));
    assert_eq!(counter.add(-1), Err(TemplateError::NegativeAmount));
    assert_eq!(
        TemplateError::Overflow.to_string(),
        "the counter would overflow"
    );
}

#[test]
fn settings_limit_saturate_and_count_zero() {
    let counter = Counter::new(5);
    let settings = CounterSettings {
        limit: 8,
        mode: OverflowMode::Saturate,
        count_zero: true,
    };
    counter.configure(settings);
    assert_eq!(counter.settings(), settings);
    assert_eq!(counter.add(10), Ok(8));
    assert_eq!(counter.add(0), Ok(8));
    assert_eq!(counter.stats().additions, 2);

    counter.configure(CounterSettings {
        mode: OverflowMode::Fail,
        count_zero: false,
        ..settings
    });
    assert_eq!(counter.add(1), Err(TemplateError::Overflow));
    assert_eq!(counter.add(0), Ok(8));
    assert_eq!(counter.stats().additions, 2);
}

#[test]
fn steps_stop_when_the_closure_says_so() {
    let counter = Counter::new(5);
    let mut seen = Vec::new();
    assert_eq!(
        counter.steps(|step| {
            seen.push(step);
            step < 3
        }),
        Err(TemplateError::Stopped)
    );
    assert_eq!(seen, [1, 2, 3]);
    let mut total = 0;
    assert_eq!(
        counter.steps(|step| {
            total += step;
            true
        }),
        Ok(())
    );
    assert_eq!(total, 15);
}

#[test]
fn text_and_bytes() {
    assert_eq!(greet("Zoë"), "Hello, Zoë!");
    assert_eq!(greet(""), "Hello, stranger!");
    assert_eq!(checksum(&[]), 0x811c_9dc5);
    assert_eq!(checksum(b"a"), 0xe40c_292c);
    assert_eq!(
        settings_describe(CounterSettings {
            limit: -3,
            mode: OverflowMode::Saturate,
            count_zero: true,
        }),
        "limit=-3 mode=Saturate count_zero=true"
    );
}
