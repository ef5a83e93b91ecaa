package org.goldenthread.platform.rights;

import java.util.Map;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PdfReport;
import org.goldenthread.platform.PersonalData;
import org.goldenthread.platform.Plurals;

/** A subject access export as a PDF to hand to the person: each section, what it is for, and each thing held. */
final class SubjectAccessReport {

    private SubjectAccessReport() {}

    static byte[] pdf(SubjectAccess.Export export) {
        PdfReport pdf = new PdfReport(
                "What " + export.ics() + " holds about " + export.name(),
                "Reference " + export.personRef() + ", as on " + Dates.day(export.madeOn()) + ".");
        pdf.paragraph("This is everything Golden Thread holds about you for the ICS, one section for each kind of"
                + " thing. Survey answers are never tied to the person who gave them, so none appear here.");
        for (PersonalData.Section section : export.sections()) {
            pdf.heading(section.title());
            pdf.paragraph(section.purpose());
            if (section.entries().isEmpty()) {
                pdf.paragraph("Nothing held.");
                continue;
            }
            if (section.entries().size() > 1) {
                pdf.paragraph(Plurals.of(section.entries().size(), "entry", "entries") + ".");
            }
            for (Map<String, String> entry : section.entries()) {
                StringBuilder text = new StringBuilder();
                entry.forEach((field, value) -> {
                    if (!text.isEmpty()) {
                        text.append("; ");
                    }
                    text.append(field).append(": ").append(value);
                });
                pdf.paragraph(text.toString());
            }
        }
        return pdf.finish();
    }
}
