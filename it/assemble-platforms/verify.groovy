// Two runs share build.log: the release build, then the same with a stale job's natives.
import java.util.zip.ZipFile

def runs = new File(basedir, 'build.log').text.split(/Scanning for projects/).drop(1)
assert runs.size() == 2
def release = runs[0]
def stale = runs[1]

// Run 1: five platforms merged under one ABI, five platform jars, and MergedJarIT passed.
assert release.contains('BUILD SUCCESS')
assert release =~ /Native libraries for 5 platform\(s\), one ABI \(sha256:[0-9a-f]{64}\)/
assert release.contains('  linux-x86_64: libmeter.so from ')
assert release.contains('  windows-x86_64: meter.dll from ')
assert release.contains('Platform jars (5):')
assert release.contains('Tests run: 8, Failures: 0, Errors: 0, Skipped: 0')

def platforms = ['linux-aarch64', 'linux-musl-x86_64', 'linux-x86_64', 'macos-aarch64', 'windows-x86_64']
def folders = { File jar ->
    new ZipFile(jar).withCloseable { zip ->
        zip.entries().toList()*.name.findAll { it ==~ /META-INF\/native\/[^\/]+\/build-info\.json/ }
                .collect { it.split('/')[2] }.sort()
    }
}
assert folders(new File(basedir, 'app/target/app-1.0.0-SNAPSHOT.jar')) == platforms
platforms.each { platform ->
    def jar = new File(basedir, "app/target/app-1.0.0-SNAPSHOT-natives-${platform}.jar")
    assert jar.isFile() : jar
    assert folders(jar) == [platform]
}

// Run 2: refused before anything is merged, naming both fingerprints and where each build came from.
assert stale.contains('BUILD FAILURE')
assert stale.contains('The native builds export different ABIs, and the bindings match only one:')
assert stale =~ /fingerprint sha256:0{64}: macos-x86_64 \(from [^)]*stale-macos-x86_64\)/
assert stale =~ /fingerprint sha256:[0-9a-f]{64}: linux-aarch64 \(from this build\),.* linux-x86_64 \(from [^)]*natives-linux-1\.0\.0-SNAPSHOT\.jar\)/
assert stale.contains('Rebuild every platform from the same commit and features, then merge again.')
assert !new File(basedir, 'app/target/classes/META-INF/native/macos-x86_64').exists()
return true
