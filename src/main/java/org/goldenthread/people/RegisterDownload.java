package org.goldenthread.people;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The register as a file to download, named for the ICS and the day, for the register page and the API alike. */
@Component
class RegisterDownload {

    private final RegisterFile file;
    private final Clock clock;

    RegisterDownload(RegisterFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * As CSV or, with {@code format} xlsx, as a workbook; written in lower case, as the other exports
     * take their format. Only the part of the register the footprint covers.
     */
    ResponseEntity<byte[]> of(String ods, String format, Footprint footprint) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidInput("format", "Choose csv or xlsx");
        }
        String name = "register-" + ods + "-" + LocalDate.now(clock) + "." + (format.equals("xlsx") ? "xlsx" : "csv");
        byte[] body = format.equals("xlsx")
                ? file.exportXlsx(footprint)
                : file.exportCsv(footprint).getBytes(StandardCharsets.UTF_8);
        MediaType type = format.equals("xlsx")
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : new MediaType("text", "csv", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
