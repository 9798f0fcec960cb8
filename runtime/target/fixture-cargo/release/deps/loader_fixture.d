/work/main/runtime/target/fixture-cargo/release/deps/loader_fixture.d: src/lib.rs

/work/main/runtime/target/fixture-cargo/release/deps/libloader_fixture.so: src/lib.rs

src/lib.rs:
