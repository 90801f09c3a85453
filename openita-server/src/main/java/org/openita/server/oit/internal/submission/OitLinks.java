package org.openita.server.oit.internal.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The links an agency types for one OIT item, one per line, checked line by line: each an absolute http or https
 * address with a host, no longer than {@link #LONGEST} characters, at most {@link #MOST} of them, none twice.
 */
final class OitLinks {

    static final int MOST = 10;
    static final int LONGEST = 2000;
    static final int NOTE_LONGEST = 1000;

    /** One problem with what was typed: the line it is on (1-based; 0 = the whole field) and the message. */
    record Problem(int line, String th, String en) {
    }

    /** The links read, in the agency's order, or the problems that keep them from being saved. */
    record Read(List<URI> links, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private OitLinks() {
    }

    static Read read(String text) {
        List<URI> links = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int n = i + 1;
            if (++count > MOST) {
                problems.add(new Problem(n, "ใส่ลิงก์ได้ไม่เกิน " + MOST + " ลิงก์ต่อข้อ", "at most " + MOST + " links per item"));
                break;
            }
            if (line.length() > LONGEST) {
                problems.add(new Problem(n, "ลิงก์ยาวเกิน " + LONGEST + " ตัวอักษร", "the link is longer than " + LONGEST + " characters"));
                continue;
            }
            URI uri = parse(line);
            if (uri == null) {
                problems.add(new Problem(n, "อ่านเป็นลิงก์ไม่ได้ (ต้องขึ้นต้นด้วย https:// หรือ http:// และไม่มีช่องว่าง)",
                        "not a link (it must start with https:// or http:// and have no spaces)"));
                continue;
            }
            if (!seen.add(uri.toString())) {
                problems.add(new Problem(n, "ลิงก์นี้ใส่ซ้ำกับบรรทัดก่อนหน้า", "this link repeats an earlier line"));
                continue;
            }
            links.add(uri);
        }
        return new Read(List.copyOf(links), List.copyOf(problems));
    }

    private static URI parse(String line) {
        if (line.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        try {
            URI uri = new URI(line);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            // a Thai path typed as is: let java.net.URI encode it
            try {
                int colon = line.indexOf("://");
                if (colon < 0) {
                    return null;
                }
                String scheme = line.substring(0, colon);
                String rest = line.substring(colon + 3);
                int slash = rest.indexOf('/');
                String authority = slash < 0 ? rest : rest.substring(0, slash);
                String pathAndMore = slash < 0 ? "" : rest.substring(slash);
                String fragment = null;
                int hash = pathAndMore.indexOf('#');
                if (hash >= 0) {
                    fragment = pathAndMore.substring(hash + 1);
                    pathAndMore = pathAndMore.substring(0, hash);
                }
                String query = null;
                int q = pathAndMore.indexOf('?');
                if (q >= 0) {
                    query = pathAndMore.substring(q + 1);
                    pathAndMore = pathAndMore.substring(0, q);
                }
                URI uri = new URI(scheme, authority, pathAndMore.isEmpty() ? null : pathAndMore, query, fragment);
                uri = new URI(uri.toASCIIString());
                String s = scheme.toLowerCase(Locale.ROOT);
                if (!(s.equals("http") || s.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                    return null;
                }
                return uri;
            } catch (URISyntaxException | IllegalArgumentException again) {
                return null;
            }
        }
    }
}
