// Two runs share build.log: the fuzzing run, then a plain regression build.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] BUILD FAILURE/)
assert runs.length >= 3 : 'expected two failed builds in build.log'
def fuzzing = runs[0]
def regression = runs[1]

// Run 1: the fuzzer reached the planted panic through the generated harness, which reports a
// panic as a finding, and Jazzer wrote the input next to the seed.
assert fuzzing.contains('Fuzzy.shout panicked: panic: unexpected \'!\'')
def written = fuzzing =~ /Test unit written to (\S+FuzzyFuzzTestInputs\/shout\/crash-[0-9a-f]+)/
assert written.find() : 'Jazzer did not write a reproducer'
def reproducer = new File(written.group(1))
assert reproducer.parentFile.canonicalPath == new File(basedir, 'src/test/resources/it/fuzzy/FuzzyFuzzTestInputs/shout').canonicalPath
assert new String(reproducer.bytes, 'UTF-8').contains('!')

// Run 2: no fuzzing, yet the build fails on the same panic: the reproducer is a regression input.
assert !regression.contains('Test unit written')
assert regression.contains('Fuzzy.shout panicked: panic: unexpected \'!\'')
assert regression.contains('Tests run: 3, Failures: 0, Errors: 1') // empty input, seed, reproducer
// The contract tests pass in both runs: the panic reaches Java as an exception, never a crash.
assert runs[0].contains('Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed')
assert regression =~ /Tests run: \d+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it.fuzzy.FuzzyContractTest/
return true
