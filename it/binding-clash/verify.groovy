def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/surefire-reports')
// The hand-written test: every value named like a generated local arrives in its place.
def clash = new File(reports, 'TEST-it.clash.ClashTest.xml').text
assert clash.contains('tests="8"') && clash.contains('failures="0"') && clash.contains('errors="0"')
// The generated contract tests: the two-word object types get every case, each other's handles included.
def contract = new File(reports, 'TEST-it.clash.ClashContractTest.xml').text
assert contract.contains('failures="0"') && contract.contains('errors="0"')
['byteBufferLen_byte_buffer_released', 'byteBufferLen_byte_buffer_ofNameTag', 'byteBufferAppend_byte_buffer_forged',
 'nameTagId_name_tag_released', 'nameTagId_name_tag_ofByteBuffer', 'byteBufferHandle_useRacingClose',
 'nameTagHandle_useAfterClose', 'locals_frame_min', 'label_frame_loneSurrogate', 'label_invalidUtf8',
 'outValue_result_nullPointer'].each { name ->
    assert contract.contains("name=\"${name}\""), "no contract case ${name}"
}
assert log.contains('BUILD SUCCESS')
return true
