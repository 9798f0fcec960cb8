package dev.ferrule.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real extraction from the abi fixture crate: rustdoc, ELF exports and compiler layouts. */
class AbiExtractorTest {

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    private ExtractedAbi extract(Fixtures.Request request) throws Exception {
        BuildOutcome build = new CargoBuilder(log).build(request.toRequest());
        List<ExtractedAbi> abis = new AbiExtractor(log).extract(request.toRequest(), build);
        assertThat(abis).hasSize(1);
        return abis.get(0);
    }

    @Test
    void printsModel() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("abi", work), work);
        ExtractedAbi abi = extract(request);
        Files.write(Path.of("target/abi-debug.json"), AbiSnapshots.bytes(abi.model()));
        System.out.println(AbiSnapshots.summary(abi.snapshotName(), abi.model()));
    }
}
