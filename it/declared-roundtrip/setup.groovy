// The roundtrip crate is one of the plugin's fixtures; its ferrule-ffi dependency is pointed at this
// repository's.
import java.nio.file.Path

evaluate(new File(itLib, 'FixtureCopy.groovy'))
Path target = copyFixture('roundtrip')
Path ffi = new File(fixtures, '../../../../rust-template/ferrule-ffi').toPath().toAbsolutePath().normalize()
File manifest = target.resolve('Cargo.toml').toFile()
manifest.text = manifest.text.replace('../../../../../rust-template/ferrule-ffi', ffi.toString())
return true
