package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.goldenthread.support.PdfUa;
import org.junit.jupiter.api.Test;

/** Reports are tagged PDF: a screen reader gets the title, headings, paragraphs and real tables. */
class PdfReportTest {

    @Test
    void aReportIsTaggedWithHeadingsParagraphsAndTablesWithColumnHeaders() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(List.of("Answer " + i, String.valueOf(i)));
        }
        byte[] pdf = new PdfReport("Leadership pulse", "53 responses.")
                .heading("Q1 Involvement")
                .paragraph("How involved are you in decisions at place?")
                .bars(List.of("Agree", "Disagree"), List.of(60.0, 40.0))
                .table(List.of("Answer", "Count"), rows, new boolean[] {false, true})
                .finish();

        PdfUa.assertConformant(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages())
                    .as("the long table runs onto a second page")
                    .isGreaterThan(1);
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("en-GB");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Leadership pulse");

            PDStructureElement body = (PDStructureElement)
                    catalog.getStructureTreeRoot().getKids().get(0);
            assertThat(body.getStructureType()).isEqualTo("Document");
            assertThat(children(body).stream().map(PDStructureElement::getStructureType))
                    .containsExactly("H1", "P", "H2", "P", "Table");
            assertThat(text(children(body).get(0))).isEqualTo(1);

            PDStructureElement table = children(body).get(4);
            List<PDStructureElement> tableRows = children(table);
            assertThat(tableRows).hasSize(81).allMatch(r -> r.getStructureType().equals("TR"));
            List<PDStructureElement> headers = children(tableRows.get(0));
            assertThat(headers).extracting(PDStructureElement::getStructureType).containsExactly("TH", "TH");
            PDAttributeObject scope = headers.get(0).getAttributes().getObject(0);
            assertThat(((PDTableAttributeObject) scope).getScope()).isEqualTo(PDTableAttributeObject.SCOPE_COLUMN);
            assertThat(children(tableRows.get(80)))
                    .extracting(PDStructureElement::getStructureType)
                    .containsExactly("TD", "TD");
            // the last row is on the second page, and its cells say so
            PDMarkedContentReference lastCell = (PDMarkedContentReference)
                    children(tableRows.get(80)).get(0).getKids().get(0);
            assertThat(document.getPages().indexOf(lastCell.getPage())).isPositive();
            assertThat(catalog.getStructureTreeRoot().getParentTree().getNumbers())
                    .hasSize(document.getNumberOfPages());

            String words = new PDFTextStripper().getText(document);
            assertThat(words).contains("Leadership pulse", "Q1 Involvement", "Answer 79", "60.00%");
        }
    }

    @Test
    void textBeyondLatin1IsShownInTheEmbeddedFontAndTheMetadataDeclaresPdfUa() throws Exception {
        String finding = "Scores ≥ 3 – “strong” – χ² = 4.2, p < 0.05; café, Łódź";
        byte[] pdf = new PdfReport("Board report – 2026/27", "Cross-tab ‘place’ × ‘role’")
                .heading("χ² test")
                .paragraph(finding)
                .bars(List.of("≥ 3"), List.of(40.0))
                .table(List.of("Score ≥", "Share"), List.of(List.of("“Good”", "40%")), new boolean[] {false, true})
                .finish();

        PdfUa.assertConformant(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String words = new PDFTextStripper().getText(document);
            assertThat(words)
                    .contains(
                            "Board report – 2026/27",
                            "Cross-tab ‘place’ × ‘role’",
                            "χ² test",
                            finding,
                            "Score ≥",
                            "“Good”");
            assertThat(document.getPage(0).getResources().getFontNames())
                    .as("the page has fonts to check")
                    .isNotEmpty();
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded())
                        .as(font.getName() + " is embedded")
                        .isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            }
            DomXmpParser parser = new DomXmpParser();
            // pdfuaid is not one of xmpbox's built-in schemas
            parser.setStrictParsing(false);
            XMPMetadata xmp =
                    parser.parse(document.getDocumentCatalog().getMetadata().toByteArray());
            DublinCoreSchema dc = xmp.getDublinCoreSchema();
            assertThat(dc.getTitle()).isEqualTo("Board report – 2026/27");
            assertThat(dc.getLanguages()).containsExactly("en-GB");
            assertThat(xmp.getSchema("http://www.aiim.org/pdfua/ns/id/").getUnqualifiedTextPropertyValue("part"))
                    .isEqualTo("1");
        }
    }

    @Test
    void aCharacterTheFontLacksBecomesAQuestionMarkRatherThanFailingTheReport() throws Exception {
        byte[] pdf = new PdfReport("Survey", null).paragraph("Thanks 🙂 — 谢谢").finish();

        PdfUa.assertConformant(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Thanks ? — ??");
        }
    }

    private static List<PDStructureElement> children(PDStructureElement element) {
        return element.getKids().stream()
                .filter(PDStructureElement.class::isInstance)
                .map(PDStructureElement.class::cast)
                .toList();
    }

    /** How many pieces of marked content (lines, cells) an element has. */
    private static long text(PDStructureElement element) {
        return element.getKids().stream()
                .filter(PDMarkedContentReference.class::isInstance)
                .count();
    }
}
