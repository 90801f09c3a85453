package org.openita.server.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a result computed by OpenITA was computed from: the number of survey responses by part (IIT, EIT_PUBLIC and,
 * once assessors collect it, EIT_SURVEY), in that order; parts nobody answered are absent. Beside it, the parts whose
 * responses were fewer than the minimum the year's definition set for the agency when the surveys closed.
 */
public record ResultBasis(Map<String, Integer> responsesByPart, List<BelowMinimum> belowMinimum) {

    /** The parts in the order a label names them. */
    static final List<String> PARTS = List.of("IIT", "EIT_PUBLIC", "EIT_SURVEY");

    /**
     * A survey part whose responses were fewer than its minimum when the surveys closed.
     *
     * @param responses every response of the part (also when they were too few to be scored at all)
     * @param provisional the minimum came from a rule marked provisional in the definition (internal pages say so)
     */
    public record BelowMinimum(String part, int responses, int minimum, boolean provisional) {
        public BelowMinimum {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("not a survey part: " + part);
            }
            if (responses < 0 || responses >= minimum) {
                throw new IllegalArgumentException(part + ": " + responses + " responses are not below the minimum of " + minimum);
            }
        }

        /** "IIT ได้คำตอบ 7 ชุด น้อยกว่าจำนวนขั้นต่ำ 12 ชุด" or "IIT 7 responses, below the minimum of 12". */
        public String text(boolean english) {
            return english
                    ? partName(part, true) + " " + responses + (responses == 1 ? " response" : " responses") + ", below the minimum of " + minimum
                    : partName(part, false) + " ได้คำตอบ " + responses + " ชุด น้อยกว่าจำนวนขั้นต่ำ " + minimum + " ชุด";
        }
    }

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
        belowMinimum = belowMinimum.stream().sorted(java.util.Comparator.comparingInt(b -> PARTS.indexOf(b.part()))).toList();
    }

    /** A basis with every part at or above its minimum (or with no minimum). */
    public ResultBasis(Map<String, Integer> responsesByPart) {
        this(responsesByPart, List.of());
    }

    public int total() {
        return responsesByPart.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int responses(String part) {
        return responsesByPart.getOrDefault(part, 0);
    }

    /**
     * "คำนวณโดย OpenITA จากคำตอบ 89 ชุด (IIT: 37 ชุด, EIT ส่วนที่ 1: 52 ชุด)" or "Computed by OpenITA from 89 responses
     * (IIT: 37, EIT part 1: 52)": each count after a colon and with its unit, so that "EIT ส่วนที่ 2 5" cannot be read
     * as part 25.
     */
    public String label(boolean english) {
        if (responsesByPart.isEmpty()) {
            // a computed row without survey answers holds only the agency's confirmed OIT verdicts (ADR 0038)
            return english ? "Computed by OpenITA from confirmed OIT verdicts; no survey scores yet"
                    : "คำนวณโดย OpenITA จากผลการตรวจ OIT ที่ยืนยันแล้ว ยังไม่มีคะแนนจากคำตอบแบบสำรวจ";
        }
        String parts = responsesByPart.entrySet().stream()
                .map(e -> english ? partName(e.getKey(), true) + ": " + e.getValue() : partName(e.getKey(), false) + ": " + e.getValue() + " ชุด")
                .collect(Collectors.joining(", "));
        return english
                ? "Computed by OpenITA from " + total() + (total() == 1 ? " response" : " responses") + " (" + parts + ")"
                : "คำนวณโดย OpenITA จากคำตอบ " + total() + " ชุด (" + parts + ")";
    }

    /** The parts below their minimum, in one line ("IIT ได้คำตอบ 7 ชุด น้อยกว่าจำนวนขั้นต่ำ 12 ชุด"), or null when none is. */
    public String belowMinimumNote(boolean english) {
        if (belowMinimum.isEmpty()) {
            return null;
        }
        return belowMinimum.stream().map(b -> b.text(english)).collect(Collectors.joining(english ? "; " : " และ "));
    }

    /** Whether any minimum named in the note is provisional. */
    public boolean belowMinimumProvisional() {
        return belowMinimum.stream().anyMatch(BelowMinimum::provisional);
    }

    static String partName(String part, boolean english) {
        return switch (part) {
            case "EIT_PUBLIC" -> english ? "EIT part 1" : "EIT ส่วนที่ 1";
            case "EIT_SURVEY" -> english ? "EIT part 2" : "EIT ส่วนที่ 2";
            default -> part;
        };
    }
}
