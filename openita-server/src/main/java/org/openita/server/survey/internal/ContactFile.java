package org.openita.server.survey.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openita.server.upload.TableReader;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.web.TextInput;

/**
 * Reads a contact list (CSV in UTF-8 or Windows-874, or the first sheet of an XLSX) into entries, by the template's
 * headings in Thai or English, within {@link TableReader}'s limits and at most {@link #MOST} contacts.
 */
final class ContactFile {

    /** Contacts one file may hold: an agency names a few dozen. */
    static final int MOST = 1_000;

    /** The template's columns: the Thai and English headings and the message key of each. */
    enum Column {
        NAME("ชื่อ-นามสกุล", "name", "field.col.name"),
        ORGANISATION("หน่วยงาน/องค์กร", "organisation", "field.col.organisation"),
        PHONE("โทรศัพท์", "phone", "field.col.phone"),
        EMAIL("อีเมล", "email", "field.col.email"),
        KIND("ลักษณะการติดต่อ", "kind", "field.col.kind");

        final String thai;
        final String english;
        final String key;

        Column(String thai, String english, String key) {
            this.thai = thai;
            this.english = english;
            this.key = key;
        }

        static java.util.Optional<Column> ofHeader(String h) {
            String t = h.strip().replaceAll("\\s+", " ");
            for (Column c : values()) {
                if (c.thai.equals(t) || c.english.equalsIgnoreCase(t) || (c == EMAIL && t.equalsIgnoreCase("e-mail"))) {
                    return java.util.Optional.of(c);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The entries, or the problems that stop the file from being read (a missing column, too many rows). */
    record Contents(List<ContactCheck.Entry> entries, List<ContactCheck.Problem> problems) {
    }

    private ContactFile() {
    }

    static Contents read(String fileName, Path file) throws IOException {
        boolean xlsx = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        List<ContactCheck.Problem> problems = new ArrayList<>();
        Map<Column, Integer> at = new HashMap<>();
        List<ContactCheck.Entry> entries = new ArrayList<>();
        boolean[] headerSeen = {false};
        try {
            readInto(file, xlsx, problems, at, entries, headerSeen);
        } catch (TooMany e) {
            throw new UnreadableFileException("ไฟล์มีรายชื่อมากกว่า " + MOST + " รายการ แบ่งเป็นหลายไฟล์แล้วส่งทีละไฟล์",
                    "the file holds more than " + MOST + " contacts; split it and upload the parts one by one", null);
        }
        if (!headerSeen[0]) {
            problems.add(new ContactCheck.Problem(1, null, "ไฟล์ว่าง ไม่มีแถวหัวตาราง", "the file is empty: no header row"));
        } else if (problems.isEmpty() && entries.isEmpty()) {
            problems.add(new ContactCheck.Problem(2, null, "ไม่มีรายชื่อในไฟล์", "the file holds no contacts"));
        }
        return new Contents(problems.isEmpty() ? entries : List.of(), problems);
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super("too many contacts", null, false, false);
        }
    }

    private static void readInto(Path file, boolean xlsx, List<ContactCheck.Problem> problems, Map<Column, Integer> at,
                                 List<ContactCheck.Entry> entries, boolean[] headerSeen) throws IOException {
        new TableReader(file, xlsx ? TableReader.Kind.XLSX : TableReader.Kind.CSV).read(new TableReader.Sink() {
            @Override
            public void header(List<String> columns) {
                headerSeen[0] = !columns.isEmpty();
                for (int i = 0; i < columns.size(); i++) {
                    String h = columns.get(i);
                    if (h == null || h.isBlank()) {
                        continue;
                    }
                    var c = Column.ofHeader(h);
                    if (c.isEmpty()) {
                        String q = TableReader.quoted(h);
                        problems.add(new ContactCheck.Problem(1, null, "ไม่รู้จักคอลัมน์ \"" + q + "\"", "unknown column \"" + q + "\""));
                    } else if (at.putIfAbsent(c.get(), i) != null) {
                        problems.add(new ContactCheck.Problem(1, c.get().key, "คอลัมน์ \"" + c.get().thai + "\" ซ้ำ",
                                "column \"" + c.get().english + "\" appears twice"));
                    }
                }
                for (Column c : Column.values()) {
                    if (c != Column.ORGANISATION && c != Column.PHONE && c != Column.EMAIL && !at.containsKey(c)) {
                        problems.add(new ContactCheck.Problem(1, c.key, "ไม่มีคอลัมน์ \"" + c.thai + "\"", "the column \"" + c.english + "\" is missing"));
                    }
                }
                if (!at.containsKey(Column.PHONE) && !at.containsKey(Column.EMAIL)) {
                    problems.add(new ContactCheck.Problem(1, Column.PHONE.key, "ต้องมีคอลัมน์ \"โทรศัพท์\" หรือ \"อีเมล\"",
                            "there must be a \"phone\" or an \"email\" column"));
                }
            }

            @Override
            public void row(int number, List<String> cells) {
                if (entries.size() >= MOST) {
                    throw new TooMany();
                }
                entries.add(new ContactCheck.Entry(number, cell(cells, Column.NAME), cell(cells, Column.ORGANISATION), cell(cells, Column.PHONE),
                        cell(cells, Column.EMAIL), cell(cells, Column.KIND)));
            }

            private String cell(List<String> cells, Column c) {
                Integer i = at.get(c);
                return i == null || i >= cells.size() || cells.get(i) == null ? "" : TextInput.trim(cells.get(i));
            }
        });
    }
}
