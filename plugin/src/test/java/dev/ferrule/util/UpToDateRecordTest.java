package dev.ferrule.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateRecordTest {

    @TempDir
    Path dir;
    Path record;
    Path input;
    Path output;

    @BeforeEach
    void recordARun() throws Exception {
        record = dir.resolve("state/record.properties");
        input = Files.writeString(dir.resolve("lib.rs"), "pub fn f() {}");
        output = Files.writeString(dir.resolve("F.java"), "class F {}");
        UpToDateRecord.save(record, "key-1", List.of(input, output), Map.of("line", "Generated F: 1 = 1"),
                dir.resolve("state"));
    }

    @Test
    void theSameKeyAndStampsGiveTheRecordedFactsBack() {
        assertThat(UpToDateRecord.unchanged(record, "key-1")).contains(Map.of("line", "Generated F: 1 = 1"));
    }

    @Test
    void anotherKeyIsNotUpToDate() {
        assertThat(UpToDateRecord.unchanged(record, "key-2")).isEmpty();
    }

    @Test
    void anEditedInputIsNotUpToDateEvenAtTheSameSize() throws Exception {
        Files.writeString(input, "pub fn g() {}");
        Files.setLastModifiedTime(input, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(UpToDateRecord.unchanged(record, "key-1")).isEmpty();
    }

    @Test
    void aTouchedOrDeletedOutputIsNotUpToDate() throws Exception {
        Files.setLastModifiedTime(output, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(UpToDateRecord.unchanged(record, "key-1")).isEmpty();
        recordARun();
        Files.delete(output);
        assertThat(UpToDateRecord.unchanged(record, "key-1")).isEmpty();
    }

    @Test
    void aMissingOrForgottenRecordIsNotUpToDate() throws Exception {
        UpToDateRecord.forget(record);
        assertThat(UpToDateRecord.unchanged(record, "key-1")).isEmpty();
    }

    @Test
    void savingTheSameRunAgainKeepsTheRecordsBytesAndTime() throws Exception {
        byte[] before = Files.readAllBytes(record);
        FileTime time = Files.getLastModifiedTime(record);
        UpToDateRecord.save(record, "key-1", List.of(output, input), Map.of("line", "Generated F: 1 = 1"),
                dir.resolve("state"));
        assertThat(Files.readAllBytes(record)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(record)).isEqualTo(time);
        assertThat(new String(before, java.nio.charset.StandardCharsets.UTF_8)).doesNotStartWith("#");
    }
}
