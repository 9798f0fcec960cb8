def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/surefire-reports')
// The hand-written test: every type the attributes carry, both ways, at its edges.
def roundtrip = new File(reports, 'TEST-it.roundtrip.RoundtripTest.xml').text
def summary = { text -> (text =~ /<testsuite [^>]*>/)[0] }
assert summary(roundtrip).contains('tests="14"') && summary(roundtrip).contains('failures="0"')
assert summary(roundtrip).contains('errors="0"')
// The generated contract and fuzz tests of a declared crate.
def contract = new File(reports, 'TEST-it.roundtrip.RoundtripContractTest.xml').text
assert summary(contract).contains('failures="0"') && summary(contract).contains('errors="0"')
['echoU8_value_aboveMax', 'echoU32_value_max', 'echoOptionStr_text_none', 'counterAdd_counter_closed',
 'counterAdd_counter_forged', 'counterTotal_second_none', 'counterHandle_useRacingClose', 'echoStr_text_loneSurrogate',
 'echoStr_invalidUtf8'].each { name ->
    assert contract.contains("name=\"${name}\""), "no contract case ${name}"
}
def fuzz = new File(reports, 'TEST-it.roundtrip.RoundtripFuzzTest.xml').text
assert summary(fuzz).contains('failures="0"') && summary(fuzz).contains('errors="0"')
assert log.contains('BUILD SUCCESS')
return true
