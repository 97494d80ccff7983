package dev.parley.interfaces.console;

import dev.parley.application.DomainAuthorizationService;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationCsv;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.Optional;

/**
 * Importing domain authorizations from a CSV file: the file is first only read and what it would add and change is
 * shown (a dry run); the administrator then applies what was shown, kept with the view, or nothing: a plan that has
 * changed since (another administrator's change) is shown again instead of being applied.
 */
@Named
@ViewScoped
public class AuthorizationImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DomainAuthorizationService authorizations;

    @Inject
    Administrator administrator;

    private transient Part file;
    private String csv;
    private CsvImport preview;

    public String preview() {
        csv = null;
        preview = null;
        Optional<String> text = CsvUploads.text(file, AuthorizationCsv.MAX_CHARACTERS, "authorizations",
                problem -> Messages.problem("upload:file", problem));
        if (text.isPresent()) {
            try {
                preview = authorizations.previewCsv(text.get());
                csv = text.get();
            } catch (InvalidAuthorizationException e) {
                e.problems().forEach(problem -> Messages.problem("upload:file", problem));
            }
        }
        return null;
    }

    public String apply() {
        try {
            // What the administrator saw is what is applied: when the stored authorizations changed meanwhile (or
            // the file's plan did), the new preview is shown instead and nothing is imported.
            CsvImport now = authorizations.previewCsv(csv);
            if (!now.lines().equals(preview.lines())) {
                preview = now;
                Messages.problem(null, "The domain authorizations changed since the preview; nothing was imported."
                        + " Check the preview below and apply again.");
                return null;
            }
            CsvImport done = authorizations.importCsv(csv, administrator.getName());
            Messages.done("Imported: " + done.summary() + ".");
            return "/authorizations.xhtml?faces-redirect=true";
        } catch (InvalidAuthorizationException e) {
            Messages.problems(e.problems());
            return null;
        } catch (AuthorizationConflictException e) {
            Messages.problem(null, "Another administrator added one of these authorizations meanwhile; nothing was"
                    + " imported. Preview the file again.");
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
