def log = new File(basedir, 'build.log').text
assert log.count('[ERROR] No JDK 22 or newer was found.') == 1 : 'only the first invocation may fail the JDK check'
assert log.contains('Install a JDK 22+ (for example Temurin 25 or openjdk-25-jdk)')
assert log.contains('BUILD SUCCESS')
return true
