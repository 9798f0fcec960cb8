// Two runs share build.log: init adopting the module's crate, then verify.
def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE')

// Run 1: the crate was adopted: the POM edited, the first snapshot written, nothing else.
assert log.contains('Adopted crate tinykv-capi 0.2.0 (library tinykv) in src/main/rust for org.acme:tinykv-java,'
        + ' bindings in package org.acme.tinykv. The crate\'s files were left as they are.')
assert log.contains('[INFO]   src/main/abi/tinykv-x86_64-unknown-linux-gnu.abi.json')
assert log.contains('Added to pom.xml:')
assert log.contains('No Java test was written')
assert !new File(basedir, 'src/main/rust/ferrule-ffi').exists()
assert !new File(basedir, 'src/test/java/org/acme/tinykv_java').exists()
assert new File(basedir, 'src/test/java/org/acme/tinykv').list().toList() == ['TinykvTest.java']
def pom = new File(basedir, 'pom.xml').text
assert pom.startsWith('''<?xml version="1.0" encoding="UTF-8"?>
<!-- An existing module whose src/main/rust holds a C-ABI crate written without Ferrule
     (a copy of plugin/src/test/rust/tinykv, put there by setup.groovy). -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
''')
assert pom.contains('<packageName>org.acme.tinykv</packageName>') && !pom.contains('<crateDir>')
def snapshot = new File(basedir, 'src/main/abi/tinykv-x86_64-unknown-linux-gnu.abi.json').text
assert !snapshot.contains('"findings" : [ {') : 'the snapshot of the adopted crate has findings'

// Run 2: every export bound, the module's test calls the crate, the ABI matches, the audit passes.
// The crate's [package.metadata.ferrule] asks for the safe layer; what it leaves to the raw class is listed.
assert log.contains('Generated org.acme.tinykv.TinykvNative and the safe layer org.acme.tinykv.Tinykv: 27 of 27'
        + ' exported function(s) bound in the raw layer')
assert !log.contains('Not bound:')
assert log.contains('No safe method: tinykv_store_set_logger: raw-only by [package.metadata.ferrule]; use TinykvNative')
def generated = new File(basedir, 'target/generated-sources/ferrule/org/acme/tinykv')
assert generated.list().toList().sort() == ['Iter.java', 'Stats.java', 'Store.java', 'Tinykv.java',
        'TinykvException.java', 'TinykvNative.java', 'Version.java', 'VisitFn.java']
// The module's test uses only the safe layer.
def test = new File(basedir, 'src/test/java/org/acme/tinykv/TinykvTest.java').text
assert !(test =~ /java\.lang\.foreign|Arena|MemorySegment|MethodHandle|TinykvNative/)
assert log =~ /Tests run: 10, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org.acme.tinykv.TinykvTest/
// The generated contract tests of the safe layer: nulls, NULs, empty and large inputs, close and threads.
assert log.contains('Generated contract tests in')
assert log =~ /Tests run: 56, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org.acme.tinykv.TinykvContractTest/
// With Jazzer on the test path, a fuzz test per method that takes text or bytes, replayed as a regression test.
assert log =~ /Tests run: 7, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org.acme.tinykv.TinykvFuzzTest/
assert log.contains('ABI tinykv-x86_64-unknown-linux-gnu against src/main/abi/tinykv-x86_64-unknown-linux-gnu.abi.json: binary 0 breaking, 0 potentially breaking, 0 compatible; Java source 0 breaking, 0 potentially breaking, 0 compatible')
assert log =~ /Audit of tinykv-capi 0\.2\.0: 0 error\(s\), \d+ warning\(s\)/
assert log.contains('BUILD SUCCESS')
return true
