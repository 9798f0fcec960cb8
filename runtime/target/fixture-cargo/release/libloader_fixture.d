/work/main/runtime/target/fixture-cargo/release/libloader_fixture.so: /work/main/runtime/src/test/rust/loader-fixture/src/lib.rs
