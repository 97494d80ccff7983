package dev.parley.interfaces.console;

import dev.parley.application.LocalUserService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every local user as a CSV file (never a password), which the import page reads back. Behind the console's sign-in. */
@WebServlet("/users.csv")
public class UserExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LocalUserService users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CsvDownloads.send(response, "users.csv", users.exportCsv());
    }
}
