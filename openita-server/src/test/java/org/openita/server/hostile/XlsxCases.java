package org.openita.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad XLSX workbooks: a valid template spoiled cell by cell ({@link TableMutations}), written by hand
 * ({@link Xlsx}), then often damaged as an archive or as XML: cut, bits flipped, parts missing, duplicated, not XML,
 * with a DTD, external entities or a billion laughs, expanding to gigabytes, encrypted, odd cells (a shared string
 * that does not exist, a column past Excel's last); and files made from nothing.
 */
final class XlsxCases {

    private final String stream;
    private final Function<SplittableRandom, Table> template;

    XlsxCases(String stream, Function<SplittableRandom, Table> template) {
        this.stream = stream;
        this.template = template;
    }

    /** What a damage did: whether it surely makes the workbook unreadable, and whether earlier damage still counts. */
    private record Damage(boolean sure, boolean keeps) {
    }

    /** The damaged workbook and what the damage did. */
    private record Damaged(byte[] bytes, Damage what) {
    }

    Case make(int index) {
        SplittableRandom r = Hostile.random(stream, index);
        StringBuilder d = new StringBuilder("xlsx");
        if (r.nextInt(100) < 8) {
            byte[] bytes = scratch(r, d);
            return new Case(stream, index, d.toString(), bytes, Bytes.lenient(bytes), true);
        }
        Table t = template.apply(r).copy();
        boolean damage = r.nextInt(100) < 50;
        boolean bad = TableMutations.spoil(t, r, d, !damage || r.nextBoolean());
        Map<String, byte[]> parts = Xlsx.parts(t.all(), r, d);
        StringBuilder plain = new StringBuilder(t.plain());
        byte[] bytes;
        if (damage) {
            Damaged out = damage(parts, r, d);
            bad = out.what().sure() || (bad && out.what().keeps());
            bytes = out.bytes();
        } else {
            bytes = Xlsx.zip(parts).bytes();
        }
        parts.values().forEach(p -> plain.append(new String(p, StandardCharsets.UTF_8)).append('\n'));
        return new Case(stream, index, d.toString(), bytes, plain.toString(), bad);
    }

    /** The template itself, written in one of the valid ways: an importer must accept it (so the oracles are not fooled). */
    Case clean(int index) {
        SplittableRandom r = Hostile.random(stream + "-clean", index);
        StringBuilder d = new StringBuilder("xlsx template");
        Table t = template.apply(r).copy();
        byte[] bytes = Xlsx.zip(Xlsx.parts(t.all(), r, d)).bytes();
        return new Case(stream, index, d.toString(), bytes, t.plain(), false);
    }

    /** The smallest valid workbook, for sending where a workbook does not belong. */
    static byte[] minimalWorkbook() {
        return Xlsx.zip(Xlsx.parts(List.of(List.of("a")), new SplittableRandom(1), new StringBuilder())).bytes();
    }

    private static final List<String> ESSENTIAL = List.of(Xlsx.CONTENT_TYPES, Xlsx.ROOT_RELS, Xlsx.WORKBOOK, Xlsx.WORKBOOK_RELS, Xlsx.SHEET);

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Damages the workbook; returns its bytes and what the damage did. */
    private Damaged damage(Map<String, byte[]> parts, SplittableRandom r, StringBuilder d) {
        List<String> names = new ArrayList<>(parts.keySet());
        String part = names.get(r.nextInt(names.size()));
        int k = r.nextInt(200);
        Damage sure = new Damage(true, true);
        Damage maybe = new Damage(false, false);
        Damage keeps = new Damage(false, true);
        if (k < 14) {
            byte[] b = Xlsx.zip(parts).bytes();
            int cut = r.nextInt(b.length);
            d.append("; archive cut at ").append(cut).append(" of ").append(b.length);
            return new Damaged(java.util.Arrays.copyOf(b, cut), sure);
        }
        if (k < 26) {
            String gone = ESSENTIAL.get(r.nextInt(ESSENTIAL.size()));
            parts.remove(gone);
            d.append("; part ").append(gone).append(" missing");
            return new Damaged(Xlsx.zip(parts).bytes(), sure);
        }
        if (k < 36) {
            parts.put(part, Junk.randomBytes(r, 1 + r.nextInt(5000)));
            d.append("; part ").append(part).append(" is random bytes");
            return new Damaged(Xlsx.zip(parts).bytes(), sure);
        }
        if (k < 54) {
            String dtd = dtd(r, d);
            String xml = latin1(parts.get(part));
            int at = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
            xml = xml.substring(0, at) + dtd + xml.substring(at);
            if (part.equals(Xlsx.SHEET) || part.equals(Xlsx.STRINGS)) {
                xml = xml.replaceFirst("(<t[^>]*>|<v>)", "$1&e;");
            }
            parts.put(part, latin1(xml));
            d.append(" in ").append(part);
            return new Damaged(Xlsx.zip(parts).bytes(), sure);
        }
        if (k < 64) {
            String xml = latin1(parts.get(part));
            int how = r.nextInt(3);
            xml = how == 0 ? xml.substring(0, r.nextInt(Math.max(1, xml.length() - 1))) : how == 1 ? xml + "<trailing/>" : xml.replaceFirst("</", "<");
            parts.put(part, latin1(xml));
            d.append("; part ").append(part).append(how == 0 ? " cut" : how == 1 ? " with a second root" : " with a tag unclosed");
            return new Damaged(Xlsx.zip(parts).bytes(), sure);
        }
        if (k < 74) {
            Zip z = Xlsx.zip(parts);
            int which = r.nextInt(100);
            if (which < 35) {
                Xlsx.bomb(z, "docProps/custom.xml", 4L * 1024 * 1024 + 1);
                d.append("; docProps/custom.xml expands to 4 MB + 1");
            } else if (which < 65) {
                z.entries().removeIf(e -> e.name.equals(Xlsx.STRINGS));
                Xlsx.bomb(z, Xlsx.STRINGS, 16L * 1024 * 1024 + 1);
                d.append("; xl/sharedStrings.xml expands to 16 MB + 1");
            } else if (which < 90) {
                Xlsx.bomb(z, "xl/media/image1.png", 16L * 1024 * 1024 + 1);
                d.append("; xl/media/image1.png expands to 16 MB + 1");
            } else if (which < 97) {
                Xlsx.bomb(z, "xl/worksheets/sheet2.xml", 128L * 1024 * 1024 + 1);
                d.append("; a worksheet expands to 128 MB + 1");
            } else {
                for (int i = 2; i <= 4; i++) {
                    Xlsx.bomb(z, "xl/worksheets/sheet" + i + ".xml", 100L * 1024 * 1024);
                }
                d.append("; three worksheets of 100 MB: 300 MB in all");
            }
            if (r.nextBoolean()) {
                Collections.reverse(z.entries());
                d.append(" (listed first)");
            }
            return new Damaged(z.bytes(), sure);
        }
        if (k < 78) {
            Zip z = Xlsx.zip(parts);
            int n = 500 + r.nextInt(3000);
            for (int i = 0; i < n; i++) {
                z.add("customXml/item" + i + ".xml", "<a/>".getBytes(StandardCharsets.US_ASCII));
            }
            d.append("; ").append(n).append(" more parts");
            return new Damaged(z.bytes(), sure);
        }
        if (k < 86) {
            Zip z = Xlsx.zip(parts);
            Zip.Entry e = z.entries().get(r.nextInt(z.entries().size()));
            if (r.nextBoolean()) {
                e.flags |= 1;
                d.append("; ").append(e.name).append(" marked encrypted");
            } else {
                int[] methods = {99, 14, 95, 98, 19, 7};
                e.method = methods[r.nextInt(methods.length)];
                d.append("; ").append(e.name).append(" with compression method ").append(e.method);
            }
            return new Damaged(z.bytes(), sure);
        }
        if (k < 90) {
            String xml = latin1(parts.get(Xlsx.SHEET)).replace(Xlsx.MAIN, "http://example.invalid/not-spreadsheetml");
            parts.put(Xlsx.SHEET, latin1(xml));
            d.append("; worksheet in a foreign namespace");
            return new Damaged(Xlsx.zip(parts).bytes(), sure);
        }
        if (k < 100) {
            byte[] b = Xlsx.zip(parts).bytes();
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips; i++) {
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            d.append("; ").append(flips).append(" bits of the archive flipped");
            return new Damaged(b, maybe);
        }
        if (k < 110) {
            Zip z = Xlsx.zip(parts);
            Zip.Entry e = z.entries().get(r.nextInt(z.entries().size()));
            if (r.nextBoolean()) {
                e.crc = r.nextLong() & 0xFFFFFFFFL;
                d.append("; wrong CRC on ").append(e.name);
                return new Damaged(z.bytes(), keeps);
            }
            e.declaredSize = r.nextBoolean() ? 0L : (long) r.nextInt(Integer.MAX_VALUE);
            d.append("; wrong size on ").append(e.name);
            return new Damaged(z.bytes(), maybe);
        }
        if (k < 120) {
            Zip z = Xlsx.zip(parts);
            byte[] other = r.nextBoolean() ? Junk.randomBytes(r, 100) : Xlsx.utf8("<?xml version=\"1.0\"?><worksheet xmlns=\"" + Xlsx.MAIN
                    + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>อื่น</t></is></c></row></sheetData></worksheet>");
            Zip.Entry dup = new Zip.Entry(part, other);
            int at = r.nextInt(z.entries().size() + 1);
            z.entries().add(at, dup);
            d.append("; ").append(part).append(" twice");
            return new Damaged(z.bytes(), maybe);
        }
        if (k < 128) {
            int n = 1 + r.nextInt(r.nextBoolean() ? 1000 : 200_000);
            String target = r.nextBoolean() ? Xlsx.WORKBOOK : Xlsx.SHEET;
            String xml = latin1(parts.get(target));
            String root = target.equals(Xlsx.WORKBOOK) ? "</workbook>" : "</worksheet>";
            xml = xml.replace(root, "<x>".repeat(n) + "</x>".repeat(n) + root);
            parts.put(target, latin1(xml));
            d.append("; ").append(n).append(" nested elements in ").append(target);
            return new Damaged(Xlsx.zip(parts).bytes(), keeps);
        }
        if (k < 170) {
            String xml = latin1(parts.get(Xlsx.SHEET));
            int edits = 1 + r.nextInt(3);
            for (int i = 0; i < edits; i++) {
                xml = oddCell(xml, r, d);
            }
            parts.put(Xlsx.SHEET, latin1(xml));
            return new Damaged(Xlsx.zip(parts).bytes(), maybe);
        }
        if (k < 180) {
            Zip z = Xlsx.zip(parts);
            Collections.shuffle(z.entries(), new java.util.Random(r.nextLong()));
            if (r.nextBoolean()) {
                z.entries().forEach(e -> e.stored = true);
                d.append("; stored uncompressed");
            }
            d.append("; parts in random order");
            return new Damaged(z.bytes(), keeps);
        }
        if (k < 190) {
            Map<String, byte[]> more = new LinkedHashMap<>(parts);
            more.put("docProps/app.xml", Junk.randomBytes(r, 200));
            more.put("xl/media/image1.png", Junk.randomBytes(r, 3000));
            more.put("../../evil.txt", Xlsx.utf8("outside"));
            d.append("; unreferenced parts, one named ../../evil.txt");
            return new Damaged(Xlsx.zip(more).bytes(), keeps);
        }
        String wb = latin1(parts.get(Xlsx.WORKBOOK)).replace("</sheets>", "<sheet name=\"2\" sheetId=\"2\" r:id=\"rId9\"/></sheets>");
        parts.put(Xlsx.WORKBOOK, latin1(wb));
        String rels = latin1(parts.get(Xlsx.WORKBOOK_RELS)).replace("</Relationships>",
                "<Relationship Id=\"rId9\" Type=\"" + Xlsx.REL + "/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>");
        parts.put(Xlsx.WORKBOOK_RELS, latin1(rels));
        parts.put("xl/worksheets/sheet2.xml", Junk.randomBytes(r, 500));
        d.append("; a second sheet that is random bytes");
        return new Damaged(Xlsx.zip(parts).bytes(), keeps);
    }

    private static String dtd(SplittableRandom r, StringBuilder d) {
        switch (r.nextInt(5)) {
            case 0 -> {
                d.append("; external entity file:///etc/passwd");
                return "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";
            }
            case 1 -> {
                d.append("; billion laughs");
                StringBuilder s = new StringBuilder("<!DOCTYPE x [<!ENTITY e0 \"lol\">");
                for (int i = 1; i <= 9; i++) {
                    s.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
                }
                return s.append("<!ENTITY e \"&e9;\">]>").toString();
            }
            case 2 -> {
                d.append("; external DTD http://127.0.0.1:9/evil.dtd");
                return "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/evil.dtd\">";
            }
            case 3 -> {
                d.append("; parameter entity");
                return "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p; <!ENTITY e \"x\">]>";
            }
            default -> {
                d.append("; internal entity");
                return "<!DOCTYPE x [<!ENTITY e \"ค่าจากเอนทิตี\">]>";
            }
        }
    }

    private static final Pattern CELL = Pattern.compile("<c( [^>]*)?>.*?</c>");

    /** Changes one cell of the worksheet into something odd. */
    private static String oddCell(String xml, SplittableRandom r, StringBuilder d) {
        Matcher m = CELL.matcher(xml);
        List<int[]> cells = new ArrayList<>();
        while (m.find()) {
            cells.add(new int[] {m.start(), m.end()});
        }
        if (cells.isEmpty()) {
            return xml;
        }
        int[] at = cells.get(r.nextInt(cells.size()));
        String[] odd = {"<c r=\"A2\" t=\"s\"><v>99999</v></c>", "<c t=\"s\"><v>-1</v></c>", "<c t=\"s\"><v>abc</v></c>", "<c t=\"s\"><v>2147483648</v></c>",
                "<c t=\"s\"><v></v></c>", "<c s=\"9999\"><v>1</v></c>", "<c s=\"-1\"><v>1</v></c>", "<c s=\"x\"><v>1</v></c>", "<c s=\"0\"><v>abc</v></c>",
                "<c><v>1e400</v></c>", "<c><v>NaN</v></c>", "<c t=\"e\"><v>#REF!</v></c>", "<c t=\"b\"><v>1</v></c>", "<c t=\"b\"><v>maybe</v></c>",
                "<c t=\"d\"><v>2025-13-45T99:99:99</v></c>", "<c t=\"n\"><v>-</v></c>", "<c t=\"bogus\"><v>1</v></c>", "<c t=\"str\"><f>1+1</f><v>2</v></c>",
                "<c><f>HYPERLINK(\"http://example.invalid\",\"x\")</f></c>", "<c t=\"str\"><f t=\"shared\" ref=\"A1:Z9\" si=\"0\">A1</f><v>=cmd</v></c>",
                "<c r=\"ZZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c>", "<c r=\"A0\" t=\"inlineStr\"><is><t>x</t></is></c>",
                "<c r=\"1A\" t=\"inlineStr\"><is><t>x</t></is></c>", "<c r=\"\" t=\"inlineStr\"><is><t>x</t></is></c>",
                "<c r=\"XFE1\" t=\"inlineStr\"><is><t>x</t></is></c>", "<c r=\"A1048577\" t=\"inlineStr\"><is><t>x</t></is></c>",
                "<c r=\"$A$1\" t=\"inlineStr\"><is><t>x</t></is></c>", "<c r=\"A-1\" t=\"inlineStr\"><is><t>x</t></is></c>",
                "<c r=\"KN1\" t=\"inlineStr\"><is><t>beyond column 300</t></is></c>", "<c t=\"inlineStr\"><is><r><t>ri</t></r><r><t>ch</t></r></is></c>",
                "<c t=\"inlineStr\"><is></is></c>", "<c t=\"inlineStr\"><v>no is</v></c>", "<c><is><t>inline without type</t></is></c>",
                "<c t=\"s\"/>", "<c/>", "<c t=\"s\"><v>0</v><v>1</v></c>", "<c t=\"inlineStr\"><is><t>" + "ก".repeat(20_000) + "</t></is></c>"};
        String o = odd[r.nextInt(odd.length)];
        if (r.nextInt(4) == 0) {
            String[] rows = {"<row r=\"0\">", "<row r=\"-5\">", "<row r=\"abc\">", "<row r=\"99999999999\">", "<row r=\"1048577\">", "<row r=\"3\">"};
            String row = rows[r.nextInt(rows.length)];
            int rowAt = xml.lastIndexOf("<row", at[0]);
            if (rowAt >= 0) {
                int end = xml.indexOf('>', rowAt);
                d.append("; row tag ").append(row);
                return xml.substring(0, rowAt) + row + xml.substring(end + 1);
            }
        }
        d.append("; cell ").append(o.length() > 80 ? o.substring(0, 60) + "…" : o);
        return xml.substring(0, at[0]) + new String(o.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + xml.substring(at[1]);
    }

    /** A file that is not a workbook made from the template; each must be refused. */
    private static byte[] scratch(SplittableRandom r, StringBuilder d) {
        switch (r.nextInt(8)) {
            case 0 -> {
                d.append(": empty");
                return new byte[0];
            }
            case 1 -> {
                d.append(": random bytes");
                return Junk.randomBytes(r, 1 + r.nextInt(100_000));
            }
            case 2 -> {
                d.append(": a CSV file sent as XLSX");
                return "รหัสหน่วยงาน,ปีงบประมาณ\nX,2568\n".getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                d.append(": an old .xls (OLE2) header");
                return Bytes.concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                        Junk.randomBytes(r, 4000));
            }
            case 4 -> {
                d.append(": an empty ZIP archive");
                return new Zip().bytes();
            }
            case 5 -> {
                d.append(": a ZIP archive of one text file");
                Zip z = new Zip();
                z.add("readme.txt", "สวัสดี".getBytes(StandardCharsets.UTF_8));
                return z.bytes();
            }
            case 6 -> {
                d.append(": a ZIP local header and nothing else");
                return new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
            }
            default -> {
                d.append(": JSON sent as XLSX");
                return "{\"agencyCode\":\"X\"}".getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
