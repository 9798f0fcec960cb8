// Two runs share build.log: init in the existing module, then verify.
def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE')

// Run 1: names come from the module's POM; the POM was edited, not replaced.
assert log.contains('Created gauge (crate gauge, package org.acme.gauge):')
assert log.contains('Added to pom.xml:')
assert log.contains('  plugin ferrule-maven-plugin (generate, test, check-abi, audit)')
assert log.contains('  plugin maven-compiler-plugin 3.14.1 (understands maven.compiler.release)')
def pom = new File(basedir, 'pom.xml').text
assert pom.contains('<!-- An existing module that ferrule:init adds a Rust crate to. -->')
assert pom.contains('<version>2.0.0-SNAPSHOT</version>')
assert pom.contains('<artifactId>maven-install-plugin</artifactId>')
assert pom.contains('<packageName>org.acme.gauge</packageName>')
assert new File(basedir, 'src/main/java/org/acme/gauge/Units.java').isFile()

// Run 2: the module's code, the crate's tests, the generated contract tests, the ABI and the audit.
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org.acme.gauge.GaugeTest/
assert log.contains('ABI gauge-x86_64-unknown-linux-gnu against src/main/abi/gauge-x86_64-unknown-linux-gnu.abi.json: binary 0 breaking, 0 potentially breaking, 0 compatible; Java source 0 breaking')
assert log.contains('Audit of gauge 0.1.0: 0 error(s), 0 warning(s), 0 note(s), 0 suppressed; passes')
assert new File(basedir, 'target/gauge-2.0.0-SNAPSHOT.jar').isFile()
assert log.contains('  report ferrule-maven-plugin (abi-report, audit-report: pages of mvn verify site)')
assert new File(basedir, 'target/site/ferrule-abi.html').text.contains('Passed: 1 snapshot(s) compared')
assert new File(basedir, 'target/site/ferrule-audit.html').text.contains('Passed: crate gauge 0.1.0')
return true
