package dev.parley.interfaces.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A CSV file the browser saves under {@code fileName}, as the import pages read it back. */
final class CsvDownloads {

    private CsvDownloads() {
    }

    static void send(HttpServletResponse response, String fileName, String csv) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.getWriter().write(csv);
    }
}
