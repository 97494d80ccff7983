package dev.parley.interfaces.console;

import dev.parley.application.LocalUserService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Every local user as a CSV file (never a password), which the import page reads back. Behind the console's sign-in. */
@WebServlet("/users.csv")
public class UserExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LocalUserService users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"users.csv\"");
        response.getWriter().write(users.exportCsv());
    }
}
