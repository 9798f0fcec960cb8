import groovy.json.JsonSlurper

def runs = new File(basedir, 'build.log').text.split(/Scanning for projects/).drop(1)
assert runs.size() == 8

// 1. first release
assert runs[0].contains('BUILD SUCCESS')
assert runs[0] =~ /No ABI snapshot src\/main\/abi\/gauge-[\w-]+\.abi\.json yet/
assert runs[0].contains('mvn ferrule:snapshot  and commit')

// 3. breaking change fails with a readable report
def breaking = runs[3]
assert breaking.contains('BUILD FAILURE')
assert breaking =~ /\[ERROR\] ABI gauge-[\w-]+ against src\/main\/abi\/gauge-[\w-]+\.abi\.json: binary 2 breaking, 0 potentially breaking, 0 compatible; Java source 2 breaking, 0 potentially breaking, 0 compatible/
assert breaking.contains('version 1.0.0 -> 1.0.0 is not a new release; the changes need a breaking release (not satisfied)')
// The function is gone: its location is the one the snapshot recorded, and says so.
assert breaking =~ /binary BREAKING, Java source BREAKING: FN_REMOVED gauge_reset \(was at crates\/breaking\/src\/lib\.rs:\d+ in the snapshot's version\): 'gauge_reset' is no longer exported \[failing\]/
assert breaking.contains('binary BREAKING, Java source BREAKING: FIELD_TYPE_CHANGED Reading.sensor (crates/breaking/src/lib.rs:5): uint32_t (4 bytes) -> uint64_t (8 bytes) [failing]')
assert breaking.contains('affects: gauge_scale')
assert breaking.contains('fix: ')
assert breaking.contains('The ABI or the Java API changed incompatibly')

// 4. accepted with reasons; the stale acceptance is reported
def accepted = runs[4]
assert accepted.contains('BUILD SUCCESS')
assert accepted.contains('[accepted]')
assert accepted.contains('unused acceptance (remove it): FN_PARAM_TYPE_CHANGED gauge_old*')
// ...and the site's ABI page, rendered from that run's abi-diff.json, shows the same; no audit page,
// since ferrule:audit did not run.
def abiPage = new File(basedir, 'target/site/ferrule-abi.html').text
assert abiPage.contains('Passed: 1 snapshot(s) compared')
assert abiPage.contains('ACCEPTED: gauge_reset was never documented; the only caller was removed in the same release')
assert abiPage.contains('href="https://ferrule.dev/check-abi-rules.html#field_type_changed">FIELD_TYPE_CHANGED</a>')
assert abiPage.contains('Acceptances that matched nothing')
assert new File(basedir, 'target/site/project-reports.html').text.contains('ferrule-abi.html')
assert !new File(basedir, 'target/site/ferrule-audit.html').exists()
assert accepted.contains('No Boundary audit page')

// 5. major bump
assert runs[5].contains('BUILD SUCCESS')
assert runs[5].contains('version 1.0.0 -> 2.0.0 is a breaking release; the changes need a breaking release')
assert runs[5].contains('[covered by version]')

// 6. acceptBreaking, loudly
assert runs[6].contains('BUILD SUCCESS')
assert runs[6].contains('EVERY ABI difference is accepted')
assert runs[6].contains('ALL DIFFERENCES ACCEPTED FOR THIS RUN (-Dferrule.abi.acceptBreaking): release-candidate-migration')

// 7. compatible addition
assert runs[7].contains('BUILD SUCCESS')
assert runs[7].contains('binary 0 breaking, 0 potentially breaking, 1 compatible; Java source 0 breaking, 0 potentially breaking, 1 compatible')

// reports of the last run
def report = new JsonSlurper().parse(new File(basedir, 'target/ferrule/abi-diff.json'))
assert report.failed == false
assert report.results[0].findings*.rule == ['FN_ADDED']
['abi-diff.sarif', 'abi-diff.md', 'TEST-ferrule-check-abi.xml'].each {
    assert new File(basedir, "target/ferrule/${it}").isFile() : it
}
return true
