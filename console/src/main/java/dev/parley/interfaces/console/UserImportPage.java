package dev.parley.interfaces.console;

import dev.parley.application.LocalUserService;
import dev.parley.domain.model.csv.Csv;
import dev.parley.domain.model.user.InvalidUserException;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.csv.CsvImport;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.Optional;

/**
 * Importing local users from a CSV file: first only read, showing what it would add and change; then what was shown
 * is applied, or nothing when the plan changed meanwhile. The file's passwords stay on the server side of the view,
 * never on a page.
 */
@Named
@ViewScoped
public class UserImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LocalUserService users;

    @Inject
    Administrator administrator;

    private transient Part file;
    private String csv;
    private CsvImport preview;

    public String preview() {
        csv = null;
        preview = null;
        Optional<String> text = CsvUploads.text(file, Csv.MAX_CHARACTERS, "users",
                problem -> Messages.problem("upload:file", problem));
        if (text.isPresent()) {
            try {
                preview = users.previewCsv(text.get());
                csv = text.get();
            } catch (InvalidUserException e) {
                e.problems().forEach(problem -> Messages.problem("upload:file", problem));
            }
        }
        return null;
    }

    public String apply() {
        try {
            CsvImport now = users.previewCsv(csv);
            if (!now.lines().equals(preview.lines())) {
                preview = now;
                Messages.problem(null, "The users changed since the preview; nothing was imported. Check the preview"
                        + " below and apply again.");
                return null;
            }
            CsvImport done = users.importCsv(csv, administrator.getName());
            Messages.done("Imported: " + done.summary() + ".");
            return "/users.xhtml?faces-redirect=true";
        } catch (InvalidUserException e) {
            Messages.problems(e.problems());
            return null;
        } catch (UserConflictException e) {
            Messages.problem(null, "Another administrator changed one of these users meanwhile; nothing was imported."
                    + " Preview the file again.");
            return null;
        }
    }

    /** Whether the previewed file can be applied: it changes something and no line is invalid. */
    public boolean isApplicable() {
        return preview != null && preview.applicable();
    }

    public CsvImport getPreview() {
        return preview;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
