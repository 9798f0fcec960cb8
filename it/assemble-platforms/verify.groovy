// Three runs share build.log: the release build, then the same with a stale job's natives, then
// with a late job's.
import java.util.zip.ZipFile

def runs = new File(basedir, 'build.log').text.split(/Scanning for projects/).drop(1)
assert runs.size() == 3
def release = runs[0]
def stale = runs[1]
def late = runs[2]

// Run 1: five platforms merged under one ABI, five platform jars, and MergedJarIT passed.
assert release.contains('BUILD SUCCESS')
assert release =~ /Native libraries for 5 platform\(s\), one ABI \(sha256:[0-9a-f]{64}\)/
assert release.contains('  linux-x86_64: libmeter.so from ')
assert release.contains('  windows-x86_64: meter.dll from ')
assert release.contains('Platform jars (5):')
// MergedJarIT (8) and TamperedJarIT (5).
assert release.contains('Tests run: 13, Failures: 0, Errors: 0, Skipped: 0')
assert !release.contains('This module generates no bindings')

// The bindings pin all five libraries, each by the SHA-256 its build-info.json records.
def raw = new File(basedir, 'app/target/generated-sources/ferrule/it/meter/MeterNative.java').text
assert release =~ /The bindings open only these libraries, by SHA-256: linux-aarch64 \(from [^)]*linux-aarch64\), .*linux-x86_64, macos-aarch64/
def sha = { File jar, String platform ->
    new ZipFile(jar).withCloseable { zip ->
        (zip.getInputStream(zip.getEntry("META-INF/native/${platform}/build-info.json")).text =~ /"sha256" : "([0-9a-f]{64})"/)[0][1]
    }
}

def platforms = ['linux-aarch64', 'linux-musl-x86_64', 'linux-x86_64', 'macos-aarch64', 'windows-x86_64']
def folders = { File jar ->
    new ZipFile(jar).withCloseable { zip ->
        zip.entries().toList()*.name.findAll { it ==~ /META-INF\/native\/[^\/]+\/build-info\.json/ }
                .collect { it.split('/')[2] }.sort()
    }
}
assert folders(new File(basedir, 'app/target/app-1.0.0-SNAPSHOT.jar')) == platforms
platforms.each { platform ->
    assert raw.contains("Map.entry(\"${platform}\", \"${sha(new File(basedir, 'app/target/app-1.0.0-SNAPSHOT.jar'), platform)}\")")
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

// Run 3: same ABI, but not a library the bindings were generated with: refused before the merge.
assert late.contains('BUILD FAILURE')
assert late.contains('The bindings it.meter.MeterNative were generated with other libraries than these, so their loader would refuse them:')
assert late =~ /macos-x86_64 \(from [^)]*late-macos-x86_64\): SHA-256 [0-9a-f]{64}, the bindings have no library for macos-x86_64/
assert late.contains("List the same builds in ferrule:generate's <natives> as in this goal's")
assert !new File(basedir, 'app/target/classes/META-INF/native/macos-x86_64').exists()
return true
