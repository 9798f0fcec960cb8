def log = new File(basedir, 'build.log').text
// The null probe ran in a child JVM: the crash is one failed contract case with its crash log,
// and every other case of the suite still ran and was reported.
assert log.contains('length_text_nullPointer')
assert log.contains('CrashyContractTest.probe_length_text_nullPointer crashed the JVM')
assert log =~ /Crash log: \S+hs_err_pid\d+\.log/
def report = new File(basedir, 'target/surefire-reports/TEST-it.crashy.CrashyContractTest.xml').text
assert report =~ /tests="\d+"/
// Two contract violations: the crash, and text that is never checked for valid UTF-8.
assert report.contains('failures="2"')
assert report.contains('an invalid UTF-8 string is refused with INVALID_UTF8 ==&gt; expected: &lt;-6&gt; but was: &lt;0&gt;')
assert report.contains('name="increment_a_max"')
assert report.contains('name="length_out_nullPointer"')
// The hand-written @CrashIsolated test: the crash fails that test only, and the class after it runs.
def raw = new File(basedir, 'target/surefire-reports/TEST-it.crashy.ARawCallTest.xml').text
assert raw.contains('ARawCallTest.nullTextIsRefused crashed its child JVM')
assert raw.contains('failures="1"') && raw.contains('tests="2"')
// A class without any annotation: the default class isolation turns the crash into one failed
// test naming the test and the crash log; the tests before and after it pass.
def unannotated = new File(basedir, 'target/surefire-reports/TEST-it.crashy.BUnannotatedCrashTest.xml').text
assert unannotated.contains('tests="3"') && unannotated.contains('failures="1"')
assert unannotated =~ /BUnannotatedCrashTest.b_nullText crashed its child JVM \(exit code \d+\)\. Crash log: \S+hs_err_pid\d+\.log/
assert log.contains("-Djunit.jupiter.extensions.autodetection.enabled=true -Dferrule.crashIsolation=class' through @{ferrule.argLine}")
def after = new File(basedir, 'target/surefire-reports/TEST-it.crashy.ZAfterTheCrashTest.xml').text
assert after.contains('tests="1"') && after.contains('failures="0"')
assert !log.contains('The forked VM terminated without properly saying goodbye')
return true
