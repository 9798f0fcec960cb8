import java.security.MessageDigest
import java.util.zip.ZipFile

def jar = new File(basedir, 'target/build-happy-path-1.0.0-SNAPSHOT.jar')
assert jar.isFile() : "jar missing: ${jar}"

def zip = new ZipFile(jar)
try {
    def natives = zip.entries().toList()*.name.findAll { it.startsWith('META-INF/native/') && !it.endsWith('/') }
    def platforms = natives.collect { it.split('/')[2] }.unique()
    assert platforms.size() == 1 : "expected one platform folder, got ${platforms}"
    def dir = "META-INF/native/${platforms[0]}"
    assert natives.toSet() == ["${dir}/libgreeter.so", "${dir}/libgreeter.so.sha256", "${dir}/build-info.json"]*.toString().toSet()

    def library = zip.getInputStream(zip.getEntry("${dir}/libgreeter.so")).bytes
    def sha = MessageDigest.getInstance('SHA-256').digest(library).encodeHex().toString()
    def recorded = zip.getInputStream(zip.getEntry("${dir}/libgreeter.so.sha256")).getText('US-ASCII')
    assert recorded == "${sha}  libgreeter.so\n"

    def info = zip.getInputStream(zip.getEntry("${dir}/build-info.json")).getText('UTF-8')
    assert info.contains('"crateName" : "greeter"')
    assert info.contains('"crateVersion" : "0.1.0"')
    assert info.contains('"profile" : "release"')
    assert info.contains("\"platform\" : \"${platforms[0]}\"")
    assert info.contains("\"sha256\" : \"${sha}\"")
    assert info =~ /"rustc" : "rustc \d+\.\d+\.\d+/
    assert !info.contains(basedir.absolutePath) : 'build-info must not hold absolute paths'
} finally {
    zip.close()
}

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
return true
