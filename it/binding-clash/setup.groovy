// The crate comes from the plugin's fixtures, so the repository holds one copy of it; its
// ferrule-ffi dependency is pointed at this repository's.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path source = new File(fixtures, 'clash').toPath()
Path target = new File(basedir, 'src/main/rust').toPath()
Files.walk(source).filter { !source.relativize(it).toString().split('/').contains('target') }.each { path ->
    Path copy = target.resolve(source.relativize(path).toString())
    if (Files.isDirectory(path)) {
        Files.createDirectories(copy)
    } else {
        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING)
    }
}
Path ffi = new File(fixtures, '../../../../rust-template/ferrule-ffi').toPath().toAbsolutePath().normalize()
File manifest = target.resolve('Cargo.toml').toFile()
manifest.text = manifest.text.replace('../../../../../rust-template/ferrule-ffi', ffi.toString())
return true
