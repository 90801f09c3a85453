package org.openita.core.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads framework definitions from YAML, from a file or from the definitions shipped with OpenITA.
 * Loading reports every problem at once, each with file, YAML path, line and a Thai and English message.
 */
public final class FrameworkLoader {

    public static final String SCHEMA = "openita/framework/v1";
    private static final java.util.regex.Pattern SHIPPED_NAME = java.util.regex.Pattern.compile("ita-(\\d{4})\\.yaml");
    /** The fiscal years whose definitions ship, as {@link #shippedYears()} finds them in the resources (not a list kept in code). */
    public static final List<Integer> SHIPPED_YEARS = shippedYears();

    private FrameworkLoader() {
    }

    /** Loads and validates; throws {@link InvalidDefinitionException} listing every problem. */
    public static FrameworkDefinition load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static FrameworkDefinition shipped(int year) {
        String resource = shippedResource(year);
        try (InputStream in = FrameworkLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no framework definition ships for fiscal year " + year
                        + "; shipped years: " + shippedYears());
            }
            return parse(resource.substring(1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped definition of a fiscal year, or empty when none ships for it. */
    public static Optional<FrameworkDefinition> findShipped(int year) {
        return shippedYears().contains(year) ? Optional.of(shipped(year)) : Optional.empty();
    }

    /**
     * Fiscal years whose definitions ship with OpenITA, in order: every {@code frameworks/ita-YYYY.yaml} among the
     * resources, as listed by the index the build writes beside them (no year is named in code).
     */
    public static List<Integer> shippedYears() {
        List<Integer> years = new ArrayList<>();
        for (String name : ShippedIndex.read("/frameworks/index.txt")) {
            java.util.regex.Matcher m = SHIPPED_NAME.matcher(name);
            if (m.matches()) {
                years.add(Integer.parseInt(m.group(1)));
            }
        }
        years.sort(null);
        return List.copyOf(years);
    }

    public static String shippedResource(int year) {
        return "/frameworks/ita-" + year + ".yaml";
    }

    public static String shippedText(int year) {
        try (InputStream in = FrameworkLoader.class.getResourceAsStream(shippedResource(year))) {
            if (in == null) {
                throw new IllegalArgumentException("no framework definition ships for fiscal year " + year);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FrameworkDefinition parse(String fileName, String yaml) {
        Result r = check(fileName, yaml);
        if (!r.problems().isEmpty()) {
            throw new InvalidDefinitionException(r.problems());
        }
        return r.definition().orElseThrow();
    }

    /** The outcome of checking a definition: the definition when valid, otherwise every problem found. */
    public record Result(Optional<FrameworkDefinition> definition, List<DefinitionProblem> problems) {
    }

    public static Result check(String fileName, String yaml) {
        Problems problems = new Problems(fileName);
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(fileName).build()).composeString(yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            String[] text = YamlSyntax.explain(e);
            problems.add("", YamlSyntax.line(e), text[0], text[1]);
            return new Result(Optional.empty(), problems.all());
        } catch (YamlEngineException e) {
            problems.add("", 0, "ไฟล์ YAML ผิดรูปแบบ: " + e.getMessage(), "not valid YAML: " + e.getMessage());
            return new Result(Optional.empty(), problems.all());
        }
        YamlNode top = new YamlNode(root, "", 1, problems);
        if (top.isMissing() || !top.isMapping()) {
            problems.add("", 1, "ไฟล์ว่างหรือไม่ใช่แมปของ YAML", "the file is empty or not a YAML mapping");
            return new Result(Optional.empty(), problems.all());
        }
        DefinitionReader reader = new DefinitionReader();
        reader.read(top);
        DefinitionChecks.run(reader, top);
        if (!problems.isEmpty() || reader.year == null || reader.levelScheme == null) {
            return new Result(Optional.empty(), problems.all());
        }
        return new Result(Optional.of(new FrameworkDefinition(FiscalYear.of(reader.year), reader.version, reader.title,
                reader.provenance, values(reader.scales), values(reader.tools), values(reader.indicators),
                values(reader.questions), values(reader.oitItems), reader.oitItemListComplete, reader.levelScheme,
                reader.responseMinimums)),
                List.of());
    }

    private static <T> List<T> values(List<Located<T>> located) {
        List<T> out = new ArrayList<>();
        located.forEach(l -> out.add(l.value()));
        return out;
    }
}
