package org.goldenthread.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A plain A4 report in PDF — headings, paragraphs, tables and horizontal bar charts — for the
 * reports modules hand to boards and partners. Every chart should be followed by a table of the
 * same figures, as on the pages.
 * <p>
 * Text is set in Liberation Sans (SIL Open Font License, shipped in resources/fonts), embedded as
 * a subset, so the PDF looks the same everywhere and shows en-dashes, curly quotes, Greek letters
 * and mathematical signs; the few characters the font has no glyph for become '?'.
 * <p>
 * The PDF is tagged, so screen readers read it in order and know its headings and tables: the title
 * is a first-level heading, headings are second-level, tables have header cells scoped to their
 * columns, and the document declares its language (en-GB) and shows its title. Charts and rules are
 * marked as decoration (artifacts), since the table after each chart carries its figures. XMP
 * metadata names the title, the language and conformance to PDF/UA-1 (ISO 14289-1).
 */
public final class PdfReport {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float[] NHS_BLUE = {0f, 94 / 255f, 184 / 255f};

    private static final String LANGUAGE = "en-GB";
    private static final byte[] REGULAR = font("LiberationSans-Regular.ttf");
    private static final byte[] BOLD = font("LiberationSans-Bold.ttf");

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular = embed(REGULAR);
    private final PDType0Font bold = embed(BOLD);
    /** For each font, whether it has a glyph for a code point, as first asked. */
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();

    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final PDStructureElement body;
    /** For each page, the structure element each of its marked-content ids belongs to, in id order. */
    private final Map<Integer, PDParentTreeValue> parents = new HashMap<>();

    private PDPageContentStream content;
    private PDPage page;
    private COSArray pageParents;
    private float y;

    public PdfReport(String title, String subtitle) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Golden Thread");
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(LANGUAGE);
        catalog.setMetadata(metadata(title));
        PDMarkInfo marked = new PDMarkInfo();
        marked.setMarked(true);
        catalog.setMarkInfo(marked);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        catalog.setStructureTreeRoot(structure);
        body = element(StandardStructureTypes.DOCUMENT, null);
        newPage();
        write(element(StandardStructureTypes.H1, body), title, bold, 20, 26);
        if (subtitle != null) {
            write(element(StandardStructureTypes.P, body), subtitle, regular, 11, 16);
        }
        y -= 10;
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfReport.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: /fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Embeds only the glyphs used rather than the whole 400 KB font. */
    private PDType0Font embed(byte[] font) {
        try {
            return PDType0Font.load(document, new ByteArrayInputStream(font), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XMP stream PDF/UA-1 asks for: title, language, the creating tool and the PDF/UA identification. */
    private PDMetadata metadata(String title) {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addLanguage(LANGUAGE);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool("Golden Thread");
        XMPSchema pdfua = xmp.createAndAddDefaultSchema("pdfuaid", "http://www.aiim.org/pdfua/ns/id/");
        pdfua.setIntegerPropertyValueAsSimple("part", 1);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(out.toByteArray());
            return metadata;
        } catch (Exception e) {
            throw new IllegalStateException("could not write the report's XMP metadata", e);
        }
    }

    /** A new structure element at the end of its parent (the structure root when null). */
    private PDStructureElement element(String type, @Nullable PDStructureElement parent) {
        PDStructureElement element = new PDStructureElement(type, parent == null ? structure : parent);
        if (parent == null) {
            structure.appendKid(element);
        } else {
            parent.appendKid(element);
        }
        if (page != null) {
            element.setPage(page);
        }
        return element;
    }

    /** Draws content as part of a structure element: marked with the next id on this page. */
    private void marked(PDStructureElement element, Drawing drawing) {
        int id = pageParents.size();
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, id);
        try {
            content.beginMarkedContent(
                    COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
            drawing.draw();
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setMCID(id);
        reference.setPage(page);
        element.appendKid(reference);
        pageParents.add(element);
    }

    /** Draws decoration that carries no information of its own. */
    private void artifact(Drawing drawing) {
        try {
            content.beginMarkedContent(COSName.ARTIFACT);
            drawing.draw();
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Drawing {
        void draw() throws IOException;
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            // tab through the page in the order of its structure
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            int key = parents.size();
            page.setStructParents(key);
            pageParents = new COSArray();
            parents.put(key, new PDParentTreeValue(pageParents));
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void room(float needed) {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    public PdfReport heading(String text) {
        room(40);
        y -= 8;
        write(element(StandardStructureTypes.H2, body), text, bold, 14, 20);
        return this;
    }

    public PdfReport paragraph(String text) {
        write(element(StandardStructureTypes.P, body), text, regular, 10, 14);
        y -= 4;
        return this;
    }

    private void write(PDStructureElement element, String text, PDType0Font font, float size, float leading) {
        for (String line : wrap(shown(text, font), font, size, WIDTH)) {
            room(leading);
            float baseline = y - size;
            marked(element, () -> text(line, font, size, MARGIN, baseline));
            y -= leading;
        }
    }

    private void text(String s, PDType0Font font, float size, float x, float baseline) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(s);
        content.endText();
    }

    /** A table; the first column takes what the others leave, numeric columns are right-aligned. */
    public PdfReport table(List<String> headers, List<List<String>> rows, boolean[] numeric) {
        int columns = headers.size();
        float other = columns == 1 ? 0 : Math.min(90, WIDTH * 0.6f / (columns - 1));
        float first = WIDTH - other * (columns - 1);
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        PDStructureElement table = element(StandardStructureTypes.TABLE, body);
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            PDType0Font font = r == 0 ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < columns; c++) {
                List<String> wrapped =
                        wrap(shown(c < row.size() ? row.get(c) : "", font), font, 9, (c == 0 ? first : other) - 6);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * 12 + 4;
            room(height);
            PDStructureElement tableRow = element(StandardStructureTypes.TR, table);
            float x = MARGIN;
            for (int c = 0; c < columns; c++) {
                float w = c == 0 ? first : other;
                PDStructureElement cell =
                        element(r == 0 ? StandardStructureTypes.TH : StandardStructureTypes.TD, tableRow);
                if (r == 0) {
                    PDTableAttributeObject scope = new PDTableAttributeObject();
                    scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                    cell.addAttribute(scope);
                }
                boolean right = numeric != null && c < numeric.length && numeric[c];
                List<String> cellLines = cells.get(c);
                float left = x;
                float top = y;
                marked(cell, () -> {
                    for (int l = 0; l < cellLines.size(); l++) {
                        String line = cellLines.get(l);
                        text(line, font, 9, right ? left + w - 3 - width(line, font, 9) : left + 3, top - 11 - l * 12);
                    }
                });
                x += w;
            }
            y -= height;
            rule(r == 0 ? 1f : 0.3f);
        }
        y -= 8;
        return this;
    }

    private void rule(float thickness) {
        artifact(() -> {
            content.setLineWidth(thickness);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        });
    }

    /** Horizontal bars of percentages (0 to 100), labelled, with the figure at the end of each bar. */
    public PdfReport bars(List<String> labels, List<Double> percents) {
        float labelWidth = WIDTH * 0.42f;
        float barSpace = WIDTH - labelWidth - 40;
        for (int i = 0; i < labels.size(); i++) {
            room(16);
            String label = wrap(shown(labels.get(i), regular), regular, 9, labelWidth - 6)
                    .get(0);
            double p = percents.get(i) == null ? 0 : Math.max(0, Math.min(100, percents.get(i)));
            float w = (float) (barSpace * p / 100);
            String figure = percents.get(i) == null ? "" : String.format("%.2f%%", percents.get(i));
            // the table that follows every chart carries these figures for anyone not seeing the bars
            artifact(() -> {
                text(label, regular, 9, MARGIN, y - 11);
                content.setNonStrokingColor(NHS_BLUE[0], NHS_BLUE[1], NHS_BLUE[2]);
                content.addRect(MARGIN + labelWidth, y - 13, Math.max(w, 0.5f), 11);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
                text(figure, regular, 9, MARGIN + labelWidth + w + 4, y - 11);
            });
            y -= 16;
        }
        y -= 6;
        return this;
    }

    public byte[] finish() {
        try (document) {
            content.close();
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            structure.setParentTree(parentTree);
            structure.setParentTreeNextKey(parents.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(String s, PDType0Font font, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, PDType0Font font, float size, float max) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= max || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Keeps what the font can show; tabs become spaces, other control characters and characters
     *  without a glyph become '?', rather than failing the whole report. */
    private String shown(String s, PDType0Font font) {
        if (s == null) {
            return "";
        }
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\t') {
                out.append(' ');
            } else if (c == '\n' || (c >= 32 && known.computeIfAbsent(c, k -> hasGlyph(font, k)))) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean hasGlyph(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return !Character.isISOControl(codePoint);
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
