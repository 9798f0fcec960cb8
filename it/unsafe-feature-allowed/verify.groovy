import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] Risky feature 'unsafe-fast' is enabled and allowed for release: Inputs are range-checked")

def platformDir = new File(basedir, 'target/classes/META-INF/native').listFiles()[0]
def info = new JsonSlurper().parse(new File(platformDir, 'build-info.json'))
assert info.features == ['default', 'unsafe-fast']
assert info.unsafeFeatures == [[name: 'unsafe-fast', allowed: true,
        reason: 'Inputs are range-checked by the Java caller; measured 2x faster.']]
return true
