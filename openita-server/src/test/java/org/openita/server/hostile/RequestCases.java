package org.openita.server.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Bad requests for an {@link Endpoint}: a request it would accept, made from good values, then spoiled so that it must
 * be refused (a path variable that names nothing or is not of its type; a field too long, of the wrong type, missing
 * or holding a refused character; a body that is not JSON; a file that is bad by construction), often with more
 * damage on top that may or may not matter (another content type, thousands of fields, an index past a list's end).
 */
final class RequestCases {

    /**
     * A request.
     *
     * @param path already encoded
     * @param sure whether it is bad by construction: if it is carried out, that is a finding
     */
    record Request(String method, String path, String contentType, byte[] body, String description, boolean sure) {
    }

    private final Endpoint endpoint;
    private final Map<String, String> good;
    private final Function<SplittableRandom, Case> badFile;

    /**
     * @param good good values by field or path variable name (those not named get one by kind)
     * @param badFile a file that must be refused, for upload endpoints
     */
    RequestCases(Endpoint endpoint, Map<String, String> good, Function<SplittableRandom, Case> badFile) {
        this.endpoint = endpoint;
        this.good = good;
        this.badFile = badFile;
    }

    Request make(int index) {
        SplittableRandom r = Hostile.random(endpoint.describe(), index);
        StringBuilder d = new StringBuilder();
        Map<String, String> path = new LinkedHashMap<>();
        endpoint.path().forEach(f -> path.put(f.name(), enc(value(f, r))));
        boolean sure = false;
        boolean bodyFirst = endpoint.readsBody() && (endpoint.path().isEmpty() || r.nextInt(100) < 75);
        if (!endpoint.path().isEmpty() && (!bodyFirst || r.nextInt(100) < 15)) {
            Endpoint.Field f = endpoint.path().get(r.nextInt(endpoint.path().size()));
            String p = pathPoison(f, r);
            path.put(f.name(), p);
            d.append("{").append(f.name()).append("}=").append(p.length() > 60 ? p.substring(0, 60) + "…(" + p.length() + ")" : p).append("; ");
            sure = true;
        }
        String url = endpoint.pattern();
        for (Map.Entry<String, String> e : path.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        Request body;
        if (endpoint.file()) {
            body = multipart(r, d, bodyFirst);
        } else if (!endpoint.json().isEmpty()) {
            body = json(r, d, bodyFirst);
        } else if (!endpoint.consumes().isEmpty()) {
            body = raw(r, d);
        } else if (!endpoint.form().isEmpty()) {
            body = form(r, d, bodyFirst);
        } else {
            body = junk(r, d);
        }
        return new Request(endpoint.method().name(), url, body.contentType(), body.body(), endpoint.describe() + ": " + d, sure || body.sure());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String value(Endpoint.Field f, SplittableRandom r) {
        String v = good.get(f.name());
        if (v != null) {
            return v.replace("{random}", Long.toString(r.nextLong() & 0xFFFFFFFFL, 36));
        }
        return switch (f.kind()) {
            case WHOLE -> "1";
            case NUMBER -> "1.5";
            case BOOLEAN -> "false";
            case ENUM -> f.choices().get(0);
            case LIST, OBJECT, ANY_NAME -> "";
            default -> "ข้อความทดสอบ";
        };
    }

    private static String pathPoison(Endpoint.Field f, SplittableRandom r) {
        String[] any = {"%00", "%E0%B8", "%C0%AE", "%0A", "%20", "..%2F..%2Fetc%2Fpasswd", "x".repeat(3000),
                "%27%20or%20%271%27%3D%271", "%3Cscript%3E", "%EF%BF%BE", "%ED%A0%80"};
        // (Thai digits are not among them: Spring reads ๒๕๖๘ as the number 2568, rightly)
        String[] numbers = {"abc", "-1", "0", "99999999999999999999", "1e3", "2568.0", "2801", "%20", "NaN", "0x10", "9".repeat(400)};
        String[] codes = {"HOST-E99", "HOST-E01%20", "host-e01", "HOST-E01%0A", "ISO-B", "%2A", "%25"};
        int k = r.nextInt(100);
        if (k < 40) {
            return any[r.nextInt(any.length)];
        }
        if (f.kind() == Endpoint.Kind.WHOLE || f.kind() == Endpoint.Kind.NUMBER) {
            return numbers[r.nextInt(numbers.length)];
        }
        return f.name().equals("code") ? codes[r.nextInt(codes.length)] : "no-such-" + f.name() + "-" + r.nextInt(1000);
    }

    /** A value that a field of this kind must refuse. */
    private static String fieldPoison(Endpoint.Field f, SplittableRandom r, StringBuilder d) {
        int k = r.nextInt(100);
        if (k < 30) {
            // a lone surrogate cannot travel in a URL-encoded form (the encoder makes it '?'): the others can
            String c;
            do {
                c = Junk.refused(r);
            } while (Character.isSurrogate(c.charAt(0)));
            d.append(Junk.name(c)).append(" in ").append(f.name());
            return Junk.insert(r, "ค่า", c);
        }
        if (k < 60 || f.kind() == Endpoint.Kind.TEXT || f.kind() == Endpoint.Kind.LIST) {
            int n = r.nextInt(100) < 80 ? 10_001 + r.nextInt(100_000) : 500_000 + r.nextInt(1_400_000);
            d.append(n).append(" characters in ").append(f.name());
            return Junk.huge(r, n);
        }
        String[] wrong = switch (f.kind()) {
            // (not Thai digits nor 0x1F: Spring reads ๑๒ as 12 and 0x1F as 31, rightly)
            case WHOLE, NUMBER -> new String[] {"abc", "1e400", "99999999999999999999", "", " ", "1,5", "NaN", "1.5.1", "--1"};
            case BOOLEAN -> new String[] {"maybe", "2", "truee", "null", "-1"};
            case ENUM -> new String[] {"NOT_A_VALUE", "'; drop table x; --", "ROLE_CENTRAL_ADMIN", "0"};
            default -> new String[] {"[]", "{}", "null"};
        };
        String w = wrong[r.nextInt(wrong.length)];
        d.append("wrong value '").append(w).append("' in ").append(f.name());
        return w;
    }

    private Request form(SplittableRandom r, StringBuilder d, boolean poison) {
        List<String[]> pairs = new ArrayList<>();
        for (Endpoint.Field f : endpoint.form()) {
            if (f.kind() == Endpoint.Kind.LIST && !f.indexed()) {
                continue;
            }
            if (f.kind() == Endpoint.Kind.ANY_NAME) {
                pairs.add(new String[] {"field" + r.nextInt(10), "2026-01-01"});
                continue;
            }
            pairs.add(new String[] {f.indexed() ? f.name() + "[0]" : f.name(), value(f.indexed() ? new Endpoint.Field(f.name() + "[0]", Endpoint.Kind.TEXT,
                    false, false, List.of(), List.of()) : f, r)});
        }
        boolean sure = false;
        if (poison) {
            List<Endpoint.Field> typed = endpoint.form().stream().filter(f -> f.kind() != Endpoint.Kind.LIST || f.indexed()).toList();
            Endpoint.Field f = typed.isEmpty() ? endpoint.form().get(0) : typed.get(r.nextInt(typed.size()));
            if (f.required() && r.nextInt(100) < 15) {
                pairs.removeIf(p -> p[0].equals(f.name()));
                d.append(f.name()).append(" missing");
            } else {
                String name = f.kind() == Endpoint.Kind.ANY_NAME ? "IIT.start" : f.indexed() ? f.name() + "[0]" : f.name();
                String was = pairs.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst().orElse(null);
                String v = fieldPoison(f.kind() == Endpoint.Kind.ANY_NAME ? new Endpoint.Field("IIT.start", Endpoint.Kind.TEXT, false, false, List.of(), List.of()) : f, r, d);
                pairs.removeIf(p -> p[0].equals(name));
                pairs.add(r.nextInt(pairs.size() + 1), new String[] {name, v});
                if (was != null && r.nextBoolean()) {
                    // fields that were equal stay equal (a password and its confirmation), so that the spoiled value gets past
                    // the check that they match and reaches what comes after it
                    for (String[] p : pairs) {
                        if (!p[0].equals(name) && p[1].equals(was)) {
                            p[1] = v;
                            d.append(", also in ").append(p[0]);
                        }
                    }
                }
            }
            sure = true;
        }
        String type = "application/x-www-form-urlencoded";
        int k = r.nextInt(100);
        if (k < 8) {
            int n = 1_001 + r.nextInt(20_000);
            for (int i = 0; i < n; i++) {
                pairs.add(new String[] {"p" + i, "v"});
            }
            d.append("; ").append(n).append(" more fields");
        } else if (k < 16) {
            List<Endpoint.Field> lists = endpoint.form().stream().filter(Endpoint.Field::indexed).toList();
            String name = lists.isEmpty() ? "items" : lists.get(r.nextInt(lists.size())).name();
            String[] idx = {"300", "99999", "-1", "abc", "2147483648", "", "0][0", "5", "255"};
            String i = idx[r.nextInt(idx.length)];
            pairs.add(new String[] {name + "[" + i + "]", "x"});
            d.append("; ").append(name).append("[").append(i).append("]");
        } else if (k < 22) {
            String[] odd = {"class.module.classLoader.URLs[0]", "title.length", "version.x", "a".repeat(10_000), "", "[", "]", "a..b", "a[0].b[1].c"};
            String o = odd[r.nextInt(odd.length)];
            pairs.add(new String[] {o, "x"});
            d.append("; odd field name ").append(o.length() > 40 ? o.length() + " characters" : o);
        } else if (k < 28 && !pairs.isEmpty()) {
            String[] p = pairs.get(r.nextInt(pairs.size()));
            pairs.add(new String[] {p[0], "อีกค่าหนึ่ง"});
            d.append("; ").append(p[0]).append(" twice");
        } else if (k < 34) {
            type = new String[] {"application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded; charset=UTF-16",
                    "application/x-www-form-urlencoded; charset=no-such-charset", "multipart/form-data"}[r.nextInt(6)];
            d.append("; sent as ").append(type);
            sure = false; // the fields may not be read at all, and those with defaults then are carried out as they are
        }
        StringBuilder s = new StringBuilder();
        pairs.forEach(p -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8)));
        if (k >= 34 && k < 40) {
            String[] broken = {"%", "%ZZ", "%E0%B8", "=&=&", "&&&", "a=%00"};
            String b = broken[r.nextInt(broken.length)];
            s.append('&').append(b);
            d.append("; broken encoding ").append(b);
        }
        if (type.contains("UTF-16")) {
            return new Request("", "", type, s.toString().getBytes(StandardCharsets.UTF_16LE), "", sure);
        }
        return new Request("", "", type, s.toString().getBytes(StandardCharsets.UTF_8), "", sure);
    }

    /** A good JSON value for a field. */
    private Object jsonValue(Endpoint.Field f, SplittableRandom r) {
        return switch (f.kind()) {
            case LIST -> {
                List<Object> l = new ArrayList<>();
                Endpoint.Field item = f.children().get(0);
                if (!good.containsKey(f.name() + ".empty")) {
                    l.add(item.kind() == Endpoint.Kind.OBJECT ? jsonObject(item.children(), r) : jsonValue(new Endpoint.Field(f.name() + "[]", item.kind(),
                            true, false, item.children(), item.choices()), r));
                }
                yield l;
            }
            case OBJECT -> jsonObject(f.children(), r);
            case WHOLE -> Long.parseLong(good.getOrDefault(f.name(), "1"));
            case NUMBER -> 1.5;
            case BOOLEAN -> false;
            default -> value(f, r);
        };
    }

    private Map<String, Object> jsonObject(List<Endpoint.Field> fields, SplittableRandom r) {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f.name(), jsonValue(f, r)));
        return m;
    }

    private Request json(SplittableRandom r, StringBuilder d, boolean poison) {
        Map<String, Object> doc = jsonObject(endpoint.json(), r);
        boolean sure = false;
        String type = "application/json";
        String text;
        if (poison) {
            sure = true;
            Endpoint.Field f = endpoint.json().get(r.nextInt(endpoint.json().size()));
            int k = r.nextInt(100);
            if (k < 25) {
                String c = Junk.refused(r);
                Object v = f.kind() == Endpoint.Kind.LIST ? List.of(Junk.insert(r, "ค่า", c)) : Junk.insert(r, "ค่า", c);
                doc.put(f.name(), v);
                d.append(Junk.name(c)).append(" in ").append(f.name());
            } else if (k < 50) {
                int n = r.nextInt(100) < 80 ? 10_001 + r.nextInt(100_000) : 500_000 + r.nextInt(1_400_000);
                Object v = f.kind() == Endpoint.Kind.LIST ? List.of(Junk.huge(r, n)) : Junk.huge(r, n);
                doc.put(f.name(), v);
                d.append(n).append(" characters in ").append(f.name());
            } else if (k < 65) {
                // (a number or true where text goes is read as text, rightly: only arrays and objects are wrong for text)
                Object[] wrong = f.kind() == Endpoint.Kind.WHOLE || f.kind() == Endpoint.Kind.NUMBER
                        ? new Object[] {List.of(1, 2), Map.of("a", 1), "abc", new JsonCases.Raw("1e400"), new JsonCases.Raw("9".repeat(100))}
                        : new Object[] {List.of(1, 2), Map.of("a", 1), List.of()};
                Object w = wrong[r.nextInt(wrong.length)];
                if (f.kind() == Endpoint.Kind.LIST) {
                    w = r.nextBoolean() ? "not a list" : Map.of("a", 1);
                }
                doc.put(f.name(), w);
                d.append("wrong type for ").append(f.name());
            } else if (k < 72) {
                int depth = 1_001 + r.nextInt(100_000);
                doc.put(f.name(), new JsonCases.Raw("[".repeat(depth) + "]".repeat(depth)));
                d.append(depth).append(" nested arrays in ").append(f.name());
            } else if (k < 80 && f.kind() == Endpoint.Kind.LIST) {
                int n = 10_000 + r.nextInt(200_000);
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    l.add(f.children().get(0).kind() == Endpoint.Kind.OBJECT ? Map.of() : "x" + i);
                }
                doc.put(f.name(), l);
                d.append(n).append(" items in ").append(f.name());
            } else {
                String[] syntax = {"", "{", "[]", "null", "\"text\"", "{\"title\": }", "{'title': 'x'}", "{title: 1}", "{\"title\":\"x\"}}",
                        "{\"title\":\"x\",}", "\uFEFF{\"title\":", "{\"title\":\"\\x00\"}", "{\"title\":NaN}"};
                text = syntax[r.nextInt(syntax.length)];
                d.append("body ").append(text.isEmpty() ? "empty" : text);
                return new Request("", "", type, text.getBytes(StandardCharsets.UTF_8), "", true);
            }
        }
        text = JsonCases.write(doc, r.nextBoolean(), false);
        int k = r.nextInt(100);
        if (k < 10) {
            type = new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=UTF-16",
                    "application/octet-stream", "multipart/form-data; boundary=x"}[r.nextInt(6)];
            d.append("; sent as ").append(type);
            sure |= !type.startsWith("application/json");
        } else if (k < 15) {
            d.append("; encoded UTF-16");
            return new Request("", "", type, text.getBytes(StandardCharsets.UTF_16), "", sure);
        }
        return new Request("", "", type, Bytes.utf8(text), "", sure);
    }

    /** A body for an endpoint that reads the request as a file of the types it declares. */
    private Request raw(SplittableRandom r, StringBuilder d) {
        Case c = badFile.apply(r);
        int k = r.nextInt(100);
        String type = k < 80 ? endpoint.consumes().get(r.nextInt(endpoint.consumes().size())) : new String[] {"text/plain", "application/xml",
                "application/octet-stream", "multipart/form-data"}[r.nextInt(4)];
        d.append("file ").append(c.shortDescription()).append(" sent as ").append(type);
        return new Request("", "", type, c.bytes(), "", true);
    }

    /** A multipart form with a file that must be refused, or a multipart body that is itself broken. */
    private Request multipart(SplittableRandom r, StringBuilder d, boolean poison) {
        String boundary = "----hostile" + Long.toString(r.nextLong() & 0xFFFFFFFL, 36);
        Case c = badFile.apply(r);
        String name = new String[] {"results.csv", "results.xlsx", "results.json", "registry.csv", "x\u0000.csv", "a".repeat(300) + ".csv",
                "../../x.xlsx", "ผล.xlsx", "noextension", ""}[r.nextInt(10)];
        StringBuilder head = new StringBuilder();
        for (Endpoint.Field f : endpoint.form()) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.name()).append("\"\r\n\r\n")
                    .append(f.kind() == Endpoint.Kind.ENUM ? f.choices().get(0) : value(f, r)).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] body = Bytes.concat(Bytes.concat(Bytes.utf8(head.toString()), c.bytes()), Bytes.utf8("\r\n--" + boundary + "--\r\n"));
        String type = "multipart/form-data; boundary=" + boundary;
        d.append("file ").append(name.length() > 40 ? name.length() + "-character name" : name).append(": ").append(c.shortDescription());
        int k = r.nextInt(100);
        if (k < 10) {
            body = java.util.Arrays.copyOf(body, r.nextInt(body.length + 1));
            d.append("; multipart cut");
        } else if (k < 15) {
            type = "multipart/form-data";
            d.append("; no boundary");
        } else if (k < 20) {
            type = "multipart/form-data; boundary=other";
            d.append("; wrong boundary");
        } else if (k < 25) {
            body = Bytes.utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + "n".repeat(20_000) + "\"\r\n\r\nx\r\n--" + boundary + "--\r\n");
            d.append("; a part header of 20,000 characters");
        } else if (k < 30) {
            type = "application/x-www-form-urlencoded";
            body = Bytes.utf8("file=" + URLEncoder.encode("not a file", StandardCharsets.UTF_8));
            d.append("; a form without a file");
        }
        return new Request("", "", type, body, "", true);
    }

    /** For an endpoint that reads nothing but its path: any body at all, which it must ignore. */
    private static Request junk(SplittableRandom r, StringBuilder d) {
        String[] types = {"application/json", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"};
        String type = types[r.nextInt(types.length)];
        byte[] body = r.nextBoolean() ? new byte[0] : Junk.randomBytes(r, r.nextInt(100_000));
        d.append("; ").append(body.length).append(" bytes of junk as ").append(type);
        return new Request("", "", type, body, "", false);
    }
}
