package org.openita.server.hostile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Spoils the cells and shape of a table, before it is written as CSV or XLSX. A "sure" mutation makes any importer
 * refuse the table (a refused character, a value or a table over a limit, a required column gone); a "maybe"
 * mutation may leave a table an importer rightly accepts (a formula-looking name, a column moved).
 */
final class TableMutations {

    private TableMutations() {
    }

    /** Applies 0 to 2 maybe-mutations, then, most of the time, one sure one; says whether the table is now surely bad. */
    static boolean spoil(Table t, SplittableRandom r, StringBuilder d, boolean sure) {
        int maybes = r.nextInt(3);
        for (int i = 0; i < maybes; i++) {
            maybe(t, r, d);
        }
        return sure && surely(t, r, d);
    }

    static boolean surely(Table t, SplittableRandom r, StringBuilder d) {
        int k = r.nextInt(100);
        if (k < 40) {
            refusedCharacter(t, r, d);
        } else if (k < 62) {
            hugeCell(t, r, d);
        } else if (k < 68) {
            int n = 301 + r.nextInt(1700);
            for (int i = t.header().size(); i < n; i++) {
                t.header().add("c" + i);
            }
            d.append("; header of ").append(n).append(" columns");
        } else if (k < 74) {
            List<String> row = t.rows().isEmpty() ? newRow(t) : t.rows().get(r.nextInt(t.rows().size()));
            int n = 301 + r.nextInt(3000);
            while (row.size() < n) {
                row.add(r.nextBoolean() ? "" : "x");
            }
            row.set(n - 1, "x");
            d.append("; a row of ").append(n).append(" cells");
        } else if (k < 76) {
            int n = 50_001 + r.nextInt(200);
            for (int i = t.rows().size(); i < n; i++) {
                List<String> row = new ArrayList<>();
                row.add("Z" + i);
                t.rows().add(row);
            }
            d.append("; ").append(n).append(" data rows");
        } else if (k < 84) {
            String name = "คอลัมน์แปลก" + r.nextInt(1000);
            if (r.nextBoolean() || t.header().isEmpty()) {
                t.header().add(name);
            } else {
                t.header().set(r.nextInt(t.header().size()), name);
            }
            d.append("; unknown column ").append(name);
        } else if (k < 90) {
            List<String> required = new ArrayList<>(t.required());
            Collections.sort(required);
            String gone = required.get(r.nextInt(required.size()));
            int at = t.header().indexOf(gone);
            if (at >= 0) {
                t.header().remove(at);
                t.rows().forEach(row -> {
                    if (at < row.size()) {
                        row.remove(at);
                    }
                });
            }
            d.append("; required column ").append(gone).append(" removed");
        } else if (k < 95) {
            List<String> required = new ArrayList<>(t.required());
            Collections.sort(required);
            String col = required.get(r.nextInt(required.size()));
            int at = t.header().indexOf(col);
            List<String> row = t.rows().isEmpty() ? newRow(t) : t.rows().get(r.nextInt(t.rows().size()));
            if (at >= 0 && at < row.size()) {
                row.set(at, r.nextBoolean() ? "" : "   ");
            }
            d.append("; required cell ").append(col).append(" blank in a row");
        } else {
            if (!t.rows().isEmpty()) {
                List<String> first = t.rows().remove(0);
                t.header().clear();
                t.header().addAll(first);
            }
            d.append("; header row removed");
        }
        return true;
    }

    private static List<String> newRow(Table t) {
        List<String> row = new ArrayList<>();
        row.add("x");
        t.rows().add(row);
        return row;
    }

    /** A cell within the header's width of a non-blank row (or of the header), padded so that it exists. */
    private static int[] cell(Table t, SplittableRandom r, boolean headerToo) {
        int row = headerToo && (t.rows().isEmpty() || r.nextInt(100) < 15) ? -1 : r.nextInt(t.rows().size());
        List<String> cells = row < 0 ? t.header() : t.rows().get(row);
        int width = Math.max(1, t.header().size());
        int col = r.nextInt(width);
        while (cells.size() <= col) {
            cells.add("");
        }
        return new int[] {row, col};
    }

    private static String get(Table t, int[] at) {
        return (at[0] < 0 ? t.header() : t.rows().get(at[0])).get(at[1]);
    }

    private static void set(Table t, int[] at, String v) {
        (at[0] < 0 ? t.header() : t.rows().get(at[0])).set(at[1], v);
    }

    private static String where(int[] at) {
        return at[0] < 0 ? "header col " + (at[1] + 1) : "row " + (at[0] + 2) + " col " + (at[1] + 1);
    }

    static void refusedCharacter(Table t, SplittableRandom r, StringBuilder d) {
        int[] at = cell(t, r, true);
        String c = Junk.refused(r);
        set(t, at, Junk.insert(r, get(t, at), c));
        d.append("; ").append(Junk.name(c)).append(" in ").append(where(at));
    }

    static void hugeCell(Table t, SplittableRandom r, StringBuilder d) {
        int[] at = cell(t, r, r.nextInt(100) < 15);
        int n = Junk.overLimit(r, t.cellLimit());
        set(t, at, Junk.huge(r, n));
        d.append("; ").append(n).append("-character value in ").append(where(at));
    }

    static void maybe(Table t, SplittableRandom r, StringBuilder d) {
        int k = r.nextInt(100);
        if (t.rows().isEmpty()) {
            newRow(t);
        }
        if (k < 20) {
            int[] at = cell(t, r, false);
            String f = Junk.pick(r, Junk.FORMULAS);
            set(t, at, f);
            d.append("; formula-looking ").append(f.replace("\t", "\\t")).append(" in ").append(where(at));
        } else if (k < 45) {
            int[] at = cell(t, r, false);
            String w = Junk.pick(r, Junk.WRONG);
            set(t, at, w);
            d.append("; wrong value ").append(w).append(" in ").append(where(at));
        } else if (k < 52) {
            int[] at = cell(t, r, false);
            set(t, at, "");
            d.append("; blank ").append(where(at));
        } else if (k < 58 && t.header().size() > 1) {
            int a = r.nextInt(t.header().size());
            int b = r.nextInt(t.header().size());
            for (List<String> row : t.all()) {
                while (row.size() <= Math.max(a, b)) {
                    row.add("");
                }
                Collections.swap(row, a, b);
            }
            d.append("; columns ").append(a + 1).append(" and ").append(b + 1).append(" swapped");
        } else if (k < 62) {
            Collections.shuffle(t.rows(), new java.util.Random(r.nextLong()));
            d.append("; rows shuffled");
        } else if (k < 67) {
            List<String> row = t.rows().get(r.nextInt(t.rows().size()));
            t.rows().add(new ArrayList<>(row));
            d.append("; a row twice");
        } else if (k < 72) {
            List<String> row = t.rows().get(r.nextInt(t.rows().size()));
            int keep = r.nextInt(row.size() + 1);
            row.subList(keep, row.size()).clear();
            d.append("; a row cut to ").append(keep).append(" cells");
        } else if (k < 76) {
            List<String> row = t.rows().get(r.nextInt(t.rows().size()));
            int extra = 1 + r.nextInt(20);
            for (int i = 0; i < extra; i++) {
                row.add(r.nextBoolean() ? "" : "เกิน" + i);
            }
            d.append("; ").append(extra).append(" cells past the header");
        } else if (k < 80 && t.header().size() > 1) {
            int a = r.nextInt(t.header().size());
            int b = r.nextInt(t.header().size());
            if (a != b) {
                t.header().set(b, t.header().get(a));
            }
            d.append("; header ").append(a + 1).append(" repeated at ").append(b + 1);
        } else if (k < 88) {
            int[] at = cell(t, r, r.nextInt(4) == 0);
            String[] odd = {"\uFEFF", "\u200B", "\u202E", "\u00AD", "\n", "\r\n", "\t", "  ", "\u3000", "\uFFFD", "\uD83D\uDE00", "\"", "\"\"", ","};
            String o = odd[r.nextInt(odd.length)];
            set(t, at, Junk.insert(r, get(t, at), o));
            d.append("; ").append(Junk.name(o)).append(" (accepted character) in ").append(where(at));
        } else if (k < 94) {
            int[] at = cell(t, r, false);
            String v = Junk.huge(r, 1 + r.nextInt(t.cellLimit()));
            set(t, at, v);
            d.append("; ").append(v.length()).append("-character value (within the limit) in ").append(where(at));
        } else {
            int[] at = cell(t, r, false);
            set(t, at, " " + get(t, at) + "  ");
            d.append("; spaces around ").append(where(at));
        }
    }
}
