package org.openita.core.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads an index of shipped resource files: one file name a line, written by the build (openita-core's pom) from
 * the files present, so adding a year's file to the resources is all it takes to ship it.
 */
final class ShippedIndex {

    private ShippedIndex() {
    }

    static List<String> read(String resource) {
        try (InputStream in = ShippedIndex.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: it is written by the build of openita-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.equals("index.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
