package org.openita.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The score output became records (ScoreOutput); what {@code openita score --format json} prints did not change. The
 * expected files were written by the map-based writer this replaced, from the example inputs in examples/.
 */
class ScoreOutputBytesTest {

    private static ScoreResult scored(String example) throws IOException {
        String json = Files.readString(Path.of("..", "examples", example + ".json"));
        ScoreInputReader.Read read = ScoreInputReader.read(json, FrameworkLoader::findShipped);
        return ScoringEngine.score(read.framework(), read.input());
    }

    private static String expected(String example) throws IOException {
        try (InputStream in = ScoreOutputBytesTest.class.getResourceAsStream("/interchange/" + example + ".out.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samdet-2568", "samdet-2567", "example-sao-2569"})
    void theJsonOfTheRecordsIsByteForByteWhatTheMapWriterWrote(String example) throws IOException {
        assertThat(ScoreResultWriter.json(scored(example)) + "\n").isEqualTo(expected(example));
    }

    @ParameterizedTest
    @ValueSource(strings = {"samdet-2568", "samdet-2567", "example-sao-2569"})
    void theMapForOpenDataHoldsTheSameFieldsInTheSameOrder(String example) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        assertThat(json.writeValueAsString(ScoreResultWriter.toMap(scored(example))) + "\n").isEqualTo(expected(example));
    }
}
