package org.openita.server.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a result computed by OpenITA was computed from: the number of survey responses by part (IIT, EIT_PUBLIC and,
 * once assessors collect it, EIT_SURVEY), in that order; parts nobody answered are absent.
 */
public record ResultBasis(Map<String, Integer> responsesByPart) {

    /** The parts in the order a label names them. */
    static final List<String> PARTS = List.of("IIT", "EIT_PUBLIC", "EIT_SURVEY");

    public ResultBasis {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String part : PARTS) {
            Integer n = responsesByPart.get(part);
            if (n != null && n > 0) {
                ordered.put(part, n);
            }
        }
        for (String part : responsesByPart.keySet()) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("not a survey part: " + part);
            }
        }
        responsesByPart = java.util.Collections.unmodifiableMap(ordered);
    }

    public int total() {
        return responsesByPart.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int responses(String part) {
        return responsesByPart.getOrDefault(part, 0);
    }

    /** "คำนวณโดย OpenITA จากคำตอบ 89 ชุด (IIT 37, EIT ส่วนที่ 1 52)" or its English. */
    public String label(boolean english) {
        String parts = responsesByPart.entrySet().stream().map(e -> partName(e.getKey(), english) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return english
                ? "Computed by OpenITA from " + total() + (total() == 1 ? " response" : " responses") + " (" + parts + ")"
                : "คำนวณโดย OpenITA จากคำตอบ " + total() + " ชุด (" + parts + ")";
    }

    private static String partName(String part, boolean english) {
        return switch (part) {
            case "EIT_PUBLIC" -> english ? "EIT part 1" : "EIT ส่วนที่ 1";
            case "EIT_SURVEY" -> english ? "EIT part 2" : "EIT ส่วนที่ 2";
            default -> part;
        };
    }
}
