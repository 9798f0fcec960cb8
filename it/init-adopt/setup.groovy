// The tinykv crate is one of the plugin's fixtures. Its libc dependency comes from Debian's
// librust-libc-dev (see its .cargo/config.toml).
def registry = new File('/usr/share/cargo/registry')
if (!(registry.listFiles()?.any { it.name.startsWith('libc-') })) {
    throw new IllegalStateException('init-adopt needs the libc crate from Debian: apt-get install librust-libc-dev'
            + ' (bash .ci/run installs it)')
}
evaluate(new File(itLib, 'FixtureCopy.groovy'))
copyFixture('tinykv')
return true
