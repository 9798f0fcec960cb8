// Three runs share build.log: no suppressions, a suppression without a reason, then the committed one.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] BUILD FAILURE/)
assert runs.length == 3 : 'expected two failed builds, then a passing one'
def unsuppressed = runs[0]
def withoutReason = runs[1]
def suppressed = runs[2]

// Run 1: the error-level finding, where it is, the fix, and the verdict.
assert unsuppressed.contains('[ERROR]   ERROR EXPORT_UNGUARDED tally_double (src/main/rust/src/lib.rs:6): tally_double runs its body outside catch_unwind')
assert unsuppressed.contains('fix: write it as a #[ferrule_ffi::expose] function, declare it in ferrule_ffi::export!')
assert unsuppressed.contains('0 suppressed; FAILS the build (failOn=ERROR)')
assert runs[1].contains('The audit found problems at or above ERROR; see the findings above.')

// Run 2: the reasonless suppression is reported and not applied.
assert withoutReason.contains('ERROR SUPPRESSION_WITHOUT_REASON suppressions/no-reason.json entry 1')
assert withoutReason.contains('ERROR EXPORT_UNGUARDED tally_double')

// Run 3: suppressed with its reason; the build passes and the reports carry the reason.
assert suppressed.contains('0 error(s), 0 warning(s), 0 note(s), 1 suppressed; passes (failOn=ERROR)')
assert suppressed.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/ferrule/audit.json'))
assert report.failed == false
assert report.findings.size() == 1
assert report.findings[0].rule == 'EXPORT_UNGUARDED'
assert report.findings[0].status == 'suppressed'
assert report.findings[0].suppressedBecause == 'tally_double only does wrapping arithmetic, which cannot panic'
def sarif = new JsonSlurper().parse(new File(basedir, 'target/ferrule/audit.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results[0]
assert result.ruleId == 'EXPORT_UNGUARDED'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/rust/src/lib.rs'
assert result.locations[0].physicalLocation.region.startLine == 6
assert result.suppressions[0].justification == 'tally_double only does wrapping arithmetic, which cannot panic'

// The site's audit page shows the suppressed finding and its reason; there is no ABI page, since
// check-abi did not run.
def auditPage = new File(basedir, 'target/site/ferrule-audit.html').text
assert auditPage.contains('Passed: crate tally')
assert auditPage.contains('href="https://ferrule.dev/audit-rules.html#export_unguarded">EXPORT_UNGUARDED</a>')
assert auditPage.contains('suppressed: tally_double only does wrapping arithmetic, which cannot panic')
assert new File(basedir, 'target/site/project-reports.html').text.contains('ferrule-audit.html')
assert !new File(basedir, 'target/site/ferrule-abi.html').exists()
assert suppressed.contains('No ABI check page')
return true
