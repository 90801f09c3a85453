package org.openita.server.hostile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Bad JSON results files (the output of openita score): a valid array of results spoiled in its values (refused
 * characters escaped or raw, strings and numbers past every limit, wrong types, arrays where objects go), its
 * shape (nesting past the limit, more than 50,000 results, one result over 64 KB) and its syntax (cut, comments,
 * NaN, single quotes), then sometimes re-encoded or given bytes that are not UTF-8; and documents made from nothing.
 */
final class JsonCases {

    /** Text written into the document as it is, not as a JSON value. */
    record Raw(String text) {
    }

    /** The fields of a result the importer reads, as paths into one result object. */
    static final List<String[]> READ = List.of(new String[] {"agencyCode"}, new String[] {"agency", "name"}, new String[] {"year"},
            new String[] {"overall"}, new String[] {"level"}, new String[] {"indicators", "1"}, new String[] {"indicators", "10"},
            new String[] {"questions", "i1", "score"}, new String[] {"oit", "o1", "score"});

    private final String stream;
    private final Supplier<List<Map<String, Object>>> template;

    JsonCases(String stream, Supplier<List<Map<String, Object>>> template) {
        this.stream = stream;
        this.template = template;
    }

    Case make(int index) {
        SplittableRandom r = Hostile.random(stream, index);
        StringBuilder d = new StringBuilder("json");
        if (r.nextInt(100) < 10) {
            byte[] b = scratch(r, d);
            return new Case(stream, index, d.toString(), b, Bytes.lenient(b), true);
        }
        List<Object> doc = new ArrayList<>();
        template.get().forEach(m -> doc.add(copy(m)));
        boolean single = r.nextInt(5) == 0;
        if (single) {
            doc.subList(1, doc.size()).clear();
        }
        boolean bytesToo = r.nextInt(100) < 25;
        int maybes = r.nextInt(3);
        for (int i = 0; i < maybes; i++) {
            maybe(doc, r, d);
        }
        boolean bad = !bytesToo || r.nextBoolean() ? surely(doc, r, d) : false;
        single &= doc.size() == 1 && doc.get(0) instanceof Map;
        boolean escapeAll = r.nextBoolean();
        String text = write(single ? doc.get(0) : doc, escapeAll, r.nextInt(4) == 0);
        d.append(escapeAll ? "; non-ASCII escaped" : "").append(single ? "; one result, not an array" : "");
        byte[] bytes = Bytes.utf8(text);
        if (bytesToo) {
            int k = r.nextInt(100);
            if (k < 30) {
                byte[] junk = Bytes.NOT_UTF8.get(r.nextInt(Bytes.NOT_UTF8.size()));
                int at = Bytes.boundary(r, bytes);
                boolean inside = at < lastContent(bytes);
                bytes = Bytes.insert(bytes, at, junk);
                d.append("; bytes ").append(Bytes.hex(junk)).append(" at ").append(at);
                bad |= inside;
            } else if (k < 55) {
                int end = lastContent(bytes);
                int cut = r.nextInt(bytes.length + 1);
                bytes = java.util.Arrays.copyOf(bytes, cut);
                d.append("; cut at byte ").append(cut).append(" of ").append(end);
                bad = cut < end;
            } else if (k < 80) {
                String[] names = {"UTF-16LE", "UTF-16BE", "UTF-32BE", "x-windows-874", "ISO-8859-1"};
                Charset cs = Charset.forName(names[r.nextInt(names.length)]);
                boolean canEncode = cs.newEncoder().canEncode(text);
                boolean ascii = text.chars().allMatch(c -> c < 0x80);
                bytes = Bytes.encode(text, cs, r.nextBoolean());
                d.append("; encoded ").append(cs.name());
                // JSON is UTF-8 (RFC 8259): UTF-16 and UTF-32 are refused; a one-byte charset breaks any non-ASCII text
                bad = cs.name().startsWith("UTF-") || (canEncode ? bad || !ascii : false);
            } else {
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips && bytes.length > 0; i++) {
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
                }
                d.append("; ").append(flips).append(" bits flipped");
                bad = false;
            }
        }
        return new Case(stream, index, d.toString(), bytes, Bytes.lenient(bytes) + "\n" + text, bad);
    }

    /** The template itself, written in one of the valid ways: an importer must accept it (so the oracles are not fooled). */
    Case clean(int index) {
        SplittableRandom r = Hostile.random(stream + "-clean", index);
        List<Object> doc = new ArrayList<>();
        template.get().forEach(m -> doc.add(copy(m)));
        boolean single = r.nextBoolean();
        boolean escape = r.nextBoolean();
        boolean pretty = r.nextBoolean();
        String text = write(single ? doc.get(0) : doc, escape, pretty);
        String d = "json template" + (single ? ", one result" : "") + (escape ? ", escaped" : "") + (pretty ? ", pretty" : "");
        return new Case(stream, index, d, Bytes.utf8(text), text, false);
    }

    private static int lastContent(byte[] b) {
        int end = b.length;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(List<Object> doc, SplittableRandom r) {
        if (doc.isEmpty() || !(doc.get(0) instanceof Map)) {
            doc.add(0, new LinkedHashMap<String, Object>());
        }
        for (int tries = 0; tries < 5; tries++) {
            Object o = doc.get(r.nextInt(doc.size()));
            if (o instanceof Map) {
                return (Map<String, Object>) o;
            }
        }
        return (Map<String, Object>) doc.get(0);
    }

    /** Sets a value at a path of nested objects, making them as needed. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> m, String[] path, Object value) {
        for (int i = 0; i < path.length - 1; i++) {
            Object next = m.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(path[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> m, String[] path) {
        Object o = m;
        for (String p : path) {
            o = o instanceof Map ? ((Map<String, Object>) o).get(p) : null;
        }
        return o;
    }

    private static boolean surely(List<Object> doc, SplittableRandom r, StringBuilder d) {
        Map<String, Object> res = result(doc, r);
        String[] field = READ.get(r.nextInt(READ.size()));
        String name = String.join(".", field);
        int k = r.nextInt(100);
        if (k < 35) {
            Object was = get(res, field);
            String c = Junk.refused(r);
            boolean raw = r.nextInt(5) == 0 && c.charAt(0) < 0x20;
            put(res, field, raw ? new Raw("\"" + Junk.insert(r, String.valueOf(was == null ? "" : was), c) + "\"")
                    : Junk.insert(r, String.valueOf(was == null ? "" : was), c));
            d.append("; ").append(Junk.name(c)).append(raw ? " raw" : "").append(" in ").append(name);
        } else if (k < 55) {
            int n = Junk.overLimit(r, 500);
            put(res, field, Junk.huge(r, n));
            d.append("; ").append(n).append("-character ").append(name);
        } else if (k < 63) {
            int depth = 17 + r.nextInt(r.nextBoolean() ? 20 : 100_000);
            boolean arrays = r.nextBoolean();
            put(res, r.nextBoolean() ? field : new String[] {"extra"}, new Raw((arrays ? "[" : "{\"a\":").repeat(depth) + "1"
                    + (arrays ? "]" : "}").repeat(depth)));
            d.append("; nested ").append(depth).append(arrays ? " arrays" : " objects deep");
        } else if (k < 70) {
            int n = 65 + r.nextInt(r.nextBoolean() ? 100 : 1_000_000);
            put(res, r.nextBoolean() ? field : new String[] {"extra"}, new Raw("1" + "0".repeat(n - 1)));
            d.append("; a number of ").append(n).append(" digits");
        } else if (k < 75) {
            int n = 257 + r.nextInt(r.nextBoolean() ? 100 : 100_000);
            res.put(Junk.huge(r, n), 1);
            d.append("; a field name of ").append(n).append(" characters");
        } else if (k < 80) {
            String[] nums = {"1e400", "-1e400", "1E+999999999", "-1", "100.5", "-0.000001", "1e-400e", "0x10", "012", "+1", ".5", "1.", "-"};
            String n = nums[r.nextInt(nums.length)];
            put(res, new String[] {"overall"}, new Raw(n));
            d.append("; overall ").append(n);
        } else if (k < 85) {
            int at = r.nextInt(doc.size() + 1);
            Object[] notObjects = {new ArrayList<>(List.of(1, 2)), 5, "ข้อความ", null, true, new ArrayList<>()};
            Object o = notObjects[r.nextInt(notObjects.length)];
            doc.add(at, o);
            d.append("; ").append(o == null ? "null" : o instanceof List ? "an array" : o.getClass().getSimpleName().toLowerCase())
                    .append(" as result ").append(at + 1);
        } else if (k < 88) {
            int n = 50_001 + r.nextInt(100);
            for (int i = doc.size(); i < n; i++) {
                doc.add(new LinkedHashMap<String, Object>());
            }
            d.append("; ").append(n).append(" results");
        } else if (k < 92) {
            // a result may run over 64 KB by what the parser reads ahead (RowLimitedStream allows 32 KB more, plus a buffer)
            int n = 140_000 + r.nextInt(200_000);
            res.put("extra", new Raw(" ".repeat(n) + "1"));
            d.append("; ").append(n).append(" spaces in one result");
        } else {
            String[] syntax = {"/* comment */ 1", "// comment\n1", "'single'", "NaN", "Infinity", "-Infinity", "undefined", "01", "[1,]",
                    "{\"a\":1,}", "{a:1}", "\"\\x41\"", "\"\\u12\"", "\"tab\there\"", "\"line\nbreak\"", "True", "nul", "\"\\'\""};
            String s = syntax[r.nextInt(syntax.length)];
            put(res, field, new Raw(s));
            d.append("; ").append(s.replace("\n", "\\n").replace("\t", "\\t")).append(" as ").append(name);
        }
        return true;
    }

    private static void maybe(List<Object> doc, SplittableRandom r, StringBuilder d) {
        Map<String, Object> res = result(doc, r);
        String[] field = READ.get(r.nextInt(READ.size()));
        String name = String.join(".", field);
        int k = r.nextInt(100);
        if (k < 25) {
            Object[] wrong = {List.of(2568), Map.of("value", 1), 12345, 2568.0, true, null, "", "abc", Junk.pick(r, Junk.WRONG),
                    Junk.pick(r, Junk.FORMULAS), List.of(), Map.of()};
            Object w = wrong[r.nextInt(wrong.length)];
            put(res, field, w);
            d.append("; ").append(name).append(" = ").append(w);
        } else if (k < 35) {
            res.remove(field[0]);
            d.append("; no ").append(field[0]);
        } else if (k < 45) {
            res.put("unknownField" + r.nextInt(10), Junk.pick(r, Junk.WRONG));
            d.append("; an unknown field");
        } else if (k < 55) {
            res.put(field[0], new Raw(write(res.get(field[0]), false, false) + ", \"" + field[0] + "\": " + write(res.get(field[0]), false, false)));
            d.append("; ").append(field[0]).append(" twice");
        } else if (k < 62) {
            doc.add(copy(doc.get(r.nextInt(doc.size()))));
            d.append("; a result twice");
        } else if (k < 70) {
            java.util.Collections.shuffle(doc, new java.util.Random(r.nextLong()));
            d.append("; results shuffled");
        } else if (k < 80) {
            put(res, field, Junk.huge(r, 1 + r.nextInt(500)));
            d.append("; a long ").append(name).append(" within the limit");
        } else if (k < 88) {
            res.put("agency", r.nextBoolean() ? "ชื่อเป็นข้อความ" : List.of("a", "b"));
            d.append("; agency not an object");
        } else {
            String[] odd = {"\uFEFF", "\u200B", "\u202E", "\uFFFD", "\uD83D\uDE00", "\n", "\t", "\\", "\"", "/"};
            String o = odd[r.nextInt(odd.length)];
            Object was = get(res, field);
            put(res, field, Junk.insert(r, String.valueOf(was == null ? "" : was), o));
            d.append("; ").append(Junk.name(o)).append(" (accepted character) in ").append(name);
        }
    }

    /** JSON text of {@code o}; non-ASCII characters escaped when asked; pretty-printed when asked. */
    static String write(Object o, boolean escapeNonAscii, boolean pretty) {
        StringBuilder s = new StringBuilder();
        write(s, o, escapeNonAscii, pretty ? "\n" : "");
        return s.toString();
    }

    private static void write(StringBuilder s, Object o, boolean esc, String nl) {
        if (o instanceof Raw raw) {
            s.append(raw.text());
        } else if (o instanceof Map<?, ?> m) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                s.append(first ? "" : ",").append(nl);
                first = false;
                string(s, String.valueOf(e.getKey()), esc);
                s.append(':');
                write(s, e.getValue(), esc, nl);
            }
            s.append(nl).append('}');
        } else if (o instanceof List<?> l) {
            s.append('[');
            for (int i = 0; i < l.size(); i++) {
                s.append(i == 0 ? "" : ",").append(nl);
                write(s, l.get(i), esc, nl);
            }
            s.append(nl).append(']');
        } else if (o instanceof String str) {
            string(s, str, esc);
        } else {
            s.append(o);
        }
    }

    private static void string(StringBuilder s, String v, boolean esc) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < v.length()
                    && Character.isLowSurrogate(v.charAt(i + 1))) || (esc && c > 0x7E)) {
                s.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                s.append(c).append(v.charAt(++i));
            } else {
                s.append(c);
            }
        }
        s.append('"');
    }

    /** A document not made from the template; each must be refused. */
    private static byte[] scratch(SplittableRandom r, StringBuilder d) {
        String[] docs = {"", "   \n\t ", "null", "true", "2568", "\"ผลคะแนน\"", "[1,2,3]", "[[{}]]", "[null]", "[\"a\"]", "}", "]", "{", "[",
                "{\"agencyCode\":", "[{\"agencyCode\":\"X\"", "\uFEFF", "NaN", "[{}]{}", "<xml/>", "agencyCode,year\nX,2568"};
        int k = r.nextInt(docs.length + 3);
        if (k < docs.length) {
            d.append(": ").append(docs[k].isBlank() ? "blank" : docs[k].replace("\n", "\\n"));
            return docs[k].getBytes(StandardCharsets.UTF_8);
        }
        if (k == docs.length) {
            d.append(": random bytes");
            return Junk.randomBytes(r, 1 + r.nextInt(50_000));
        }
        if (k == docs.length + 1) {
            int depth = 17 + r.nextInt(1_000_000);
            d.append(": ").append(depth).append(" nested arrays");
            return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        }
        d.append(": an XLSX workbook sent as JSON");
        return XlsxCases.minimalWorkbook();
    }
}
