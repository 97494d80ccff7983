package dev.parley.interfaces.console;

import dev.parley.application.DomainAuthorizationService;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationCsv;
import dev.parley.domain.model.authorization.AuthorizationImport;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    private AuthorizationImport preview;

    public String preview() {
        try {
            csv = text(file);
            preview = authorizations.previewCsv(csv);
        } catch (InvalidAuthorizationException e) {
            csv = null;
            preview = null;
            e.problems().forEach(problem -> Messages.problem("upload:file", problem));
        }
        return null;
    }

    public String apply() {
        try {
            // What the administrator saw is what is applied: when the stored authorizations changed meanwhile (or
            // the file's plan did), the new preview is shown instead and nothing is imported.
            AuthorizationImport now = authorizations.previewCsv(csv);
            if (!now.lines().equals(preview.lines())) {
                preview = now;
                Messages.problem(null, "The domain authorizations changed since the preview; nothing was imported."
                        + " Check the preview below and apply again.");
                return null;
            }
            AuthorizationImport done = authorizations.importCsv(csv, administrator.getName());
            Messages.done("Imported: " + done.count(AuthorizationImport.Action.ADD) + " added, "
                    + done.count(AuthorizationImport.Action.CHANGE) + " changed, "
                    + done.count(AuthorizationImport.Action.UNCHANGED) + " unchanged.");
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
        return preview != null && preview.count(AuthorizationImport.Action.INVALID) == 0
                && preview.count(AuthorizationImport.Action.ADD) + preview.count(AuthorizationImport.Action.CHANGE) > 0;
    }

    private static String text(Part part) throws InvalidAuthorizationException {
        if (part == null || part.getSize() == 0) {
            throw new InvalidAuthorizationException(List.of("choose a CSV file"));
        }
        // UTF-8 has at most 4 bytes a character: a larger file cannot be within the limit.
        if (part.getSize() > 4L * AuthorizationCsv.MAX_CHARACTERS) {
            throw new InvalidAuthorizationException(List.of("the file has " + part.getSize()
                    + " bytes; a CSV file of authorizations is far smaller"));
        }
        try (InputStream in = part.getInputStream()) {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidAuthorizationException(List.of("the file is not UTF-8 text: save it as"
                    + " \"CSV UTF-8\""));
        } catch (IOException e) {
            throw new InvalidAuthorizationException(List.of("the file could not be read: " + e.getMessage()));
        }
    }

    public AuthorizationImport getPreview() {
        return preview;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
