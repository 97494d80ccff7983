package dev.parley.interfaces.console;

import dev.parley.application.DomainAuthorizationService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every domain authorization as a CSV file, which the import page reads back. Behind the console's sign-in. */
@WebServlet("/authorizations.csv")
public class AuthorizationExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DomainAuthorizationService authorizations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CsvDownloads.send(response, "authorizations.csv", authorizations.exportCsv());
    }
}
