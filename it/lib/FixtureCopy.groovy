// Evaluated by the setup scripts of scenarios whose crate comes from the plugin's fixtures, so the
// repository holds one copy of each crate. Defines copyFixture(name), which copies the fixture
// into the scenario's src/main/rust (without build output) and returns that directory.
// The file is named unlike the variables it reads: a script's file name is its class name, and
// would hide a binding variable of the same name.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

copyFixture = { String name ->
    Path source = new File(fixtures, name).toPath()
    Path target = new File(basedir, 'src/main/rust').toPath()
    Files.walk(source).filter { !source.relativize(it).toString().split('/').contains('target') }.each { path ->
        Path copy = target.resolve(source.relativize(path).toString())
        if (Files.isDirectory(path)) {
            Files.createDirectories(copy)
        } else {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING)
        }
    }
    return target
}
