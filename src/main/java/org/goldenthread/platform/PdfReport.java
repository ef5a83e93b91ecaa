package org.goldenthread.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 report in PDF — headings, paragraphs, tables and horizontal bar charts — for the
 * reports modules hand to boards and partners. Every chart should be followed by a table of the
 * same figures, as on the pages. Text is set in Helvetica, so characters outside Windows-1252
 * are replaced.
 */
public final class PdfReport {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float[] NHS_BLUE = {0f, 94 / 255f, 184 / 255f};

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    public PdfReport(String title, String subtitle) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Golden Thread");
        newPage();
        write(title, bold, 20, 26);
        if (subtitle != null) {
            write(subtitle, regular, 11, 16);
        }
        y -= 10;
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
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
        write(text, bold, 14, 20);
        return this;
    }

    public PdfReport paragraph(String text) {
        write(text, regular, 10, 14);
        y -= 4;
        return this;
    }

    private void write(String text, PDType1Font font, float size, float leading) {
        for (String line : wrap(safe(text), font, size, WIDTH)) {
            room(leading);
            text(line, font, size, MARGIN, y - size);
            y -= leading;
        }
    }

    private void text(String s, PDType1Font font, float size, float x, float baseline) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(s);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table; the first column takes what the others leave, numeric columns are right-aligned. */
    public PdfReport table(List<String> headers, List<List<String>> rows, boolean[] numeric) {
        int columns = headers.size();
        float other = columns == 1 ? 0 : Math.min(90, WIDTH * 0.6f / (columns - 1));
        float first = WIDTH - other * (columns - 1);
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            PDType1Font font = r == 0 ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < columns; c++) {
                List<String> wrapped = wrap(safe(c < row.size() ? row.get(c) : ""), font, 9, (c == 0 ? first : other) - 6);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * 12 + 4;
            room(height);
            float x = MARGIN;
            for (int c = 0; c < columns; c++) {
                float w = c == 0 ? first : other;
                for (int l = 0; l < cells.get(c).size(); l++) {
                    String line = cells.get(c).get(l);
                    float tx = numeric != null && c < numeric.length && numeric[c]
                            ? x + w - 3 - width(line, font, 9) : x + 3;
                    text(line, font, 9, tx, y - 11 - l * 12);
                }
                x += w;
            }
            y -= height;
            rule(r == 0 ? 1f : 0.3f);
        }
        y -= 8;
        return this;
    }

    private void rule(float thickness) {
        try {
            content.setLineWidth(thickness);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Horizontal bars of percentages (0 to 100), labelled, with the figure at the end of each bar. */
    public PdfReport bars(List<String> labels, List<Double> percents) {
        float labelWidth = WIDTH * 0.42f;
        float barSpace = WIDTH - labelWidth - 40;
        for (int i = 0; i < labels.size(); i++) {
            room(16);
            String label = wrap(safe(labels.get(i)), regular, 9, labelWidth - 6).get(0);
            text(label, regular, 9, MARGIN, y - 11);
            double p = percents.get(i) == null ? 0 : Math.max(0, Math.min(100, percents.get(i)));
            float w = (float) (barSpace * p / 100);
            try {
                content.setNonStrokingColor(NHS_BLUE[0], NHS_BLUE[1], NHS_BLUE[2]);
                content.addRect(MARGIN + labelWidth, y - 13, Math.max(w, 0.5f), 11);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text(percents.get(i) == null ? "" : String.format("%.2f%%", percents.get(i)), regular, 9,
                    MARGIN + labelWidth + w + 4, y - 11);
            y -= 16;
        }
        y -= 6;
        return this;
    }

    public byte[] finish() {
        try (document) {
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(String s, PDType1Font font, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, PDType1Font font, float size, float max) {
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

    /** Keeps characters the standard fonts can show (Windows-1252); others become '?'. */
    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        java.nio.charset.CharsetEncoder cp1252 = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        for (char c : s.toCharArray()) {
            out.append(c == '\t' ? ' ' : c == '\n' || (c >= 32 && cp1252.canEncode(c)) ? c : '?');
        }
        return out.toString();
    }
}
