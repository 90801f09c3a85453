package org.openita.server.hostile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Bad CSV files: a valid template spoiled cell by cell ({@link TableMutations}), written in odd ways, then often
 * damaged as bytes (another encoding, bytes that are not UTF-8, a cut, a flip); and files made from nothing
 * (empty, binary junk, one endless line, a workbook or JSON sent as CSV).
 */
final class CsvCases {

    private final String stream;
    private final Function<SplittableRandom, Table> template;

    CsvCases(String stream, Function<SplittableRandom, Table> template) {
        this.stream = stream;
        this.template = template;
    }

    Case make(int index) {
        SplittableRandom r = Hostile.random(stream, index);
        StringBuilder d = new StringBuilder("csv");
        if (r.nextInt(100) < 12) {
            return scratch(index, r, d);
        }
        Table t = template.apply(r).copy();
        boolean byteDamage = r.nextInt(100) < 35;
        boolean bad = TableMutations.spoil(t, r, d, !byteDamage || r.nextBoolean());
        String text = write(t, r, d, false);
        byte[] bytes = Bytes.utf8(text);
        boolean reencoded = false;
        if (byteDamage) {
            int k = r.nextInt(100);
            if (k < 30) {
                byte[] junk = Bytes.NOT_UTF8.get(r.nextInt(Bytes.NOT_UTF8.size()));
                int at = Bytes.boundary(r, bytes);
                bytes = Bytes.insert(bytes, at, junk);
                d.append("; bytes ").append(Bytes.hex(junk)).append(" at ").append(at);
                // bytes that are all Windows-874 may be read as such (issue 11): then the file is not surely bad
                bad = !Bytes.windows874(bytes);
            } else if (k < 55) {
                String[] names = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "x-windows-874", "TIS-620", "ISO-8859-1", "windows-1252"};
                Charset cs = Charset.forName(names[r.nextInt(names.length)]);
                boolean bom = r.nextBoolean();
                boolean canEncode = cs.newEncoder().canEncode(text);
                bytes = Bytes.encode(text, cs, bom);
                d.append("; encoded ").append(cs.name()).append(bom ? " with BOM" : "");
                // UTF-16 and UTF-32 always differ from UTF-8; a one-byte charset differs when the text is not ASCII
                // (a charset that cannot hold every character replaces some with '?', which may remove what made the file bad)
                boolean ascii = text.chars().allMatch(c -> c < 0x80);
                // since issue 11 a file that is all Windows-874 is read as such: Thai "ANSI" is not bad in itself
                bad = cs.name().startsWith("UTF-") || (canEncode ? bad || (!ascii && !Bytes.windows874(bytes)) : false);
                reencoded = true;
            } else if (k < 70) {
                int cut = r.nextInt(bytes.length + 1);
                boolean midChar = cut < bytes.length && (bytes[cut] & 0xC0) == 0x80;
                bytes = java.util.Arrays.copyOf(bytes, cut);
                d.append("; cut at byte ").append(cut).append(midChar ? " (inside a character)" : "");
                bad = midChar && !Bytes.windows874(bytes); // what made it bad may have been cut off; a cut may leave Windows-874
            } else if (k < 85) {
                int flips = 1 + r.nextInt(5);
                for (int i = 0; i < flips && bytes.length > 0; i++) {
                    int at = r.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << r.nextInt(8));
                }
                d.append("; ").append(flips).append(" bits flipped");
                bad = false; // a flip may have undone what made it bad
            } else {
                byte[] junk = Junk.randomBytes(r, 8 + r.nextInt(4096));
                bytes = r.nextBoolean() ? Bytes.concat(bytes, junk) : Bytes.insert(bytes, Bytes.boundary(r, bytes), junk);
                d.append("; ").append(junk.length).append(" random bytes added");
            }
        }
        if (!reencoded && r.nextInt(100) < 20) {
            bytes = Bytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            d.append("; BOM");
        }
        return new Case(stream, index, d.toString(), bytes, Bytes.lenient(bytes) + "\n" + t.plain(), bad);
    }

    /** The template itself, written in one of the valid ways: an importer must accept it (so the oracles are not fooled). */
    Case clean(int index) {
        SplittableRandom r = Hostile.random(stream + "-clean", index);
        StringBuilder d = new StringBuilder("csv template");
        Table t = template.apply(r).copy();
        byte[] bytes = Bytes.utf8(write(t, r, d, true));
        if (r.nextBoolean()) {
            bytes = Bytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            d.append("; BOM");
        }
        return new Case(stream, index, d.toString(), bytes, t.plain(), false);
    }

    /** The table as CSV: quoted where needed or everywhere, with a chosen line ending; sometimes the wrong separator or quoting. */
    private static String write(Table t, SplittableRandom r, StringBuilder d, boolean clean) {
        String[] endings = {"\n", "\r\n", "\r"};
        String eol = endings[r.nextInt(endings.length)];
        boolean quoteAll = r.nextInt(4) == 0;
        char sep = ',';
        int odd = clean ? 100 : r.nextInt(100);
        if (odd < 4) {
            sep = r.nextBoolean() ? ';' : '\t';
            d.append("; separator ").append(sep == ';' ? "';'" : "tab");
        }
        StringBuilder s = new StringBuilder();
        List<List<String>> all = t.all();
        int broken = odd >= 4 && odd < 9 ? r.nextInt(all.size()) : -1;
        for (int i = 0; i < all.size(); i++) {
            List<String> row = all.get(i);
            for (int j = 0; j < row.size(); j++) {
                if (j > 0) {
                    s.append(sep);
                }
                String v = row.get(j);
                if (i == broken && j == 0) {
                    s.append('"').append(v); // an opening quote never closed: the rest of the file is one cell
                    continue;
                }
                boolean quote = quoteAll || v.indexOf(sep) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
                s.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            s.append(eol);
        }
        if (broken >= 0) {
            d.append("; unclosed quote in line ").append(broken + 1);
        }
        if (eol.equals("\r") || quoteAll) {
            d.append(quoteAll ? "; every cell quoted" : "; CR line endings");
        }
        if (!clean && r.nextInt(10) == 0) {
            s.setLength(Math.max(0, s.length() - eol.length()));
            d.append("; no final line ending");
        }
        return s.toString();
    }

    /** A file not made from the template; each of them must be refused. */
    private Case scratch(int index, SplittableRandom r, StringBuilder d) {
        byte[] bytes;
        switch (r.nextInt(11)) {
            case 0 -> {
                bytes = new byte[0];
                d.append(": empty");
            }
            case 1 -> {
                bytes = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                d.append(": only a BOM");
            }
            case 2 -> {
                int n = 1 + r.nextInt(r.nextBoolean() ? 50 : 1_000_000);
                bytes = (r.nextBoolean() ? "\n" : " ,\r\n").repeat(n).getBytes(StandardCharsets.UTF_8);
                d.append(": ").append(n).append(" blank lines");
            }
            case 3 -> {
                bytes = Junk.randomBytes(r, 1 + r.nextInt(r.nextBoolean() ? 100 : 200_000));
                d.append(": ").append(bytes.length).append(" random bytes");
            }
            case 4 -> {
                int n = 65_600 + r.nextInt(2_000_000);
                bytes = Junk.huge(r, n).getBytes(StandardCharsets.UTF_8);
                d.append(": one line of ").append(n).append(" characters");
            }
            case 5 -> {
                bytes = XlsxCases.minimalWorkbook();
                d.append(": an XLSX workbook sent as CSV");
            }
            case 6 -> {
                bytes = "[{\"agencyCode\":\"X\",\"year\":2568}]".getBytes(StandardCharsets.UTF_8);
                d.append(": JSON sent as CSV");
            }
            case 7 -> {
                byte[][] magic = {"%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                        {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, {0x1F, (byte) 0x8B, 8, 0}};
                bytes = Bytes.concat(magic[r.nextInt(magic.length)], Junk.randomBytes(r, 16 + r.nextInt(5000)));
                d.append(": a PDF, PNG, old .xls or gzip header and junk");
            }
            case 8 -> {
                int n = 301 + r.nextInt(20_000);
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ",").append("หัว").append(i);
                }
                bytes = s.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                d.append(": a header of ").append(n).append(" columns");
            }
            case 9 -> {
                int n = 1 + r.nextInt(200_000);
                bytes = "\"".repeat(n).getBytes(StandardCharsets.UTF_8);
                d.append(": ").append(n).append(" double quotes");
            }
            default -> {
                bytes = Bytes.utf8(Junk.refused(r).repeat(1 + r.nextInt(100)) + "\n" + Junk.refused(r));
                d.append(": only refused characters");
            }
        }
        return new Case(stream, index, d.toString(), bytes, Bytes.lenient(bytes), true);
    }
}
