// Three runs share build.log: init, init refused, then verify of the new project.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] BUILD FAILURE/)
assert runs.length == 2 : 'expected exactly one failed build (the second init)'
def init = runs[0]
def verify = runs[1]
def app = new File(basedir, 'app')

// Run 1: what init wrote, listed.
assert init.contains('Created gauge (crate gauge, package org.acme.gauge):')
['pom.xml', 'src/main/rust/Cargo.toml', 'src/main/rust/src/lib.rs', 'src/main/rust/ferrule-ffi/src/guard.rs',
 'src/main/rust/Cargo.lock', 'src/test/java/org/acme/gauge/GaugeTest.java',
 'src/main/abi/gauge-x86_64-unknown-linux-gnu.abi.json'].each { path ->
    assert new File(app, path).isFile() : "init did not write ${path}"
    assert init.contains("[INFO]   ${path}") : "init did not list ${path}"
}
def lib = new File(app, 'src/main/rust/src/lib.rs').text
assert lib.contains('pub enum GaugeError') && lib.contains('#[ferrule_ffi::expose]') && !lib.contains('template')
assert new File(app, 'src/main/abi/gauge-x86_64-unknown-linux-gnu.abi.json').text.contains('"symbol" : "gauge_counter_add"')

// Run 2: refused, because the project it would write is there already.
assert verify.contains('pom.xml already uses ferrule-maven-plugin; ferrule:init leaves it alone.')

// Run 3: the project builds, its tests and the generated contract tests pass, the ABI matches
// the snapshot init wrote, and the boundary audits clean.
assert verify =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org.acme.gauge.GaugeTest/
assert verify =~ /Tests run: \d+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org.acme.gauge.GaugeContractTest/
assert verify.contains('ABI gauge-x86_64-unknown-linux-gnu against src/main/abi/gauge-x86_64-unknown-linux-gnu.abi.json: binary 0 breaking, 0 potentially breaking, 0 compatible; Java source 0 breaking, 0 potentially breaking, 0 compatible')
assert verify.contains('Audit of gauge 0.1.0: 0 error(s), 0 warning(s), 0 note(s), 0 suppressed; passes')
assert verify.contains('BUILD SUCCESS')
return true
