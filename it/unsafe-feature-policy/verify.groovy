import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def (refused, allowed) = log.split(/Scanning for projects/).drop(1).with { [it[0], it[1]] }

assert refused.contains('Release build of risky enables risky feature(s) [unsafe-fast]')
assert refused.contains('<allowUnsafeFeature><name>unsafe-fast</name>')
assert !refused.contains('cargo: Compiling') : 'the refusal must come before cargo runs'

assert allowed.contains("[WARNING] Risky feature 'unsafe-fast' is enabled and allowed for release: Inputs are range-checked")
assert allowed.contains('BUILD SUCCESS')
def platformDir = new File(basedir, 'target/classes/META-INF/native').listFiles()[0]
def info = new JsonSlurper().parse(new File(platformDir, 'build-info.json'))
assert info.features == ['default', 'unsafe-fast']
assert info.unsafeFeatures == [[name: 'unsafe-fast', allowed: true,
        reason: 'Inputs are range-checked by the Java caller; measured 2x faster.']]
return true
