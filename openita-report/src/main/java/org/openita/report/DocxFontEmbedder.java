package org.openita.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Embeds the Sarabun fonts in a DOCX (ECMA-376 Part 1, 17.8.1), so the report looks the same on a machine
 * that does not have Sarabun installed. Embedded fonts are stored obfuscated: the first 32 bytes XORed
 * with the bytes of a random GUID in reverse order. Sarabun's licence (OFL) allows embedding.
 */
final class DocxFontEmbedder {

    static final String FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
    static final String FONT_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
    static final String FONT_TABLE_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    static final String FONT_TABLE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";

    private DocxFontEmbedder() {
    }

    static void embedSarabun(XWPFDocument doc) {
        try {
            OPCPackage pkg = doc.getPackage();
            PackagePartName tableName = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart table = pkg.containPart(tableName) ? pkg.getPart(tableName) : pkg.createPart(tableName, FONT_TABLE_TYPE);
            if (doc.getPackagePart().getRelationshipsByType(FONT_TABLE_RELATION).isEmpty()) {
                doc.getPackagePart().addRelationship(tableName, TargetMode.INTERNAL, FONT_TABLE_RELATION);
            }
            String regular = embed(pkg, table, "/word/fonts/sarabun-regular.odttf", Fonts.REGULAR);
            String bold = embed(pkg, table, "/word/fonts/sarabun-bold.odttf", Fonts.BOLD);
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<w:font w:name=\"" + Fonts.FAMILY + "\"><w:altName w:val=\"TH Sarabun New\"/><w:charset w:val=\"DE\"/>"
                    + "<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/>"
                    + regular.replace("TAG", "embedRegular") + bold.replace("TAG", "embedBold") + "</w:font></w:fonts>";
            try (OutputStream out = table.getOutputStream()) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            doc.getSettings().getCTSettings().addNewEmbedTrueTypeFonts();
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("cannot embed fonts in the DOCX", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String embed(OPCPackage pkg, PackagePart table, String partName, String resource) throws InvalidFormatException, IOException {
        UUID guid = UUID.randomUUID();
        String key = "{" + guid.toString().toUpperCase() + "}";
        PackagePartName name = PackagingURIHelper.createPartName(partName);
        PackagePart part = pkg.createPart(name, FONT_CONTENT_TYPE);
        try (OutputStream out = part.getOutputStream()) {
            out.write(obfuscate(Fonts.bytes(resource), key));
        }
        PackageRelationship rel = table.addRelationship(name, TargetMode.INTERNAL, FONT_RELATION);
        return "<w:TAG r:id=\"" + rel.getId() + "\" w:fontKey=\"" + key + "\"/>";
    }

    /** XORs the first 32 bytes with the GUID's 16 bytes taken in reverse order; applying it twice restores the font. */
    static byte[] obfuscate(byte[] font, String fontKey) {
        String hex = fontKey.replaceAll("[{}-]", "");
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) {
            key[15 - i] = (byte) Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
        }
        byte[] out = font.clone();
        for (int i = 0; i < 32 && i < out.length; i++) {
            out[i] ^= key[i % 16];
        }
        return out;
    }
}
