// The crate comes from the plugin's fixtures, so the repository holds one copy of it. Its libc
// dependency comes from Debian's librust-libc-dev (see its .cargo/config.toml).
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

def registry = new File('/usr/share/cargo/registry')
if (!(registry.listFiles()?.any { it.name.startsWith('libc-') })) {
    throw new IllegalStateException('init-adopt needs the libc crate from Debian: apt-get install librust-libc-dev'
            + ' (bash .ci/run installs it)')
}
Path source = new File(fixtures, 'tinykv').toPath()
Path target = new File(basedir, 'src/main/rust').toPath()
Files.walk(source).filter { !source.relativize(it).toString().split('/').contains('target') }.each { path ->
    Path copy = target.resolve(source.relativize(path).toString())
    if (Files.isDirectory(path)) {
        Files.createDirectories(copy)
    } else {
        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
