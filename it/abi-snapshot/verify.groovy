import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 4

def triple = new File(basedir, 'src/main/abi').list().find { !it.contains('-extra') }.replaceAll(/^shapes-|\.abi\.json$/, '')
def plain = "src/main/abi/shapes-${triple}.abi.json"
assert runs[0].contains("Wrote ${plain}")
// A fresh extraction after `clean` writes the very same bytes.
assert runs[1].contains("Unchanged: ${plain}") && runs[1].contains('Extracting the ABI')
assert runs[2].contains("Unchanged: ${plain}") && runs[2].contains('reusing')
assert runs[3].contains("Wrote src/main/abi/shapes-${triple}-extra.abi.json")

def model = new JsonSlurper().parse(new File(basedir, plain))
assert model.schemaVersion == 2
// A crate without ferrule-ffi has no safe layer: its Java API is the raw class alone, recorded empty.
assert model.binding.methods == [] && model.binding.objects == []
assert model.functions*.symbol == ['shapes_area']
def size = model.types.find { it.name == 'Size' }
assert size.size == 8 && size.align == 4
assert size.fields*.offset == [0, 4]
def extra = new JsonSlurper().parse(new File(basedir, "src/main/abi/shapes-${triple}-extra.abi.json"))
assert extra.functions*.symbol == ['shapes_area', 'shapes_extra']
assert extra.functions.find { it.symbol == 'shapes_extra' }.cfg == 'feature = "extra"'
assert !new File(basedir, plain).text.contains(basedir.absolutePath)
return true
