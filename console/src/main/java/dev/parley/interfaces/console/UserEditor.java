package dev.parley.interfaces.console;

import dev.parley.application.LocalUserService;
import dev.parley.domain.model.user.ContactCard;
import dev.parley.domain.model.user.InvalidUserException;
import dev.parley.domain.model.user.Photo;
import dev.parley.domain.model.user.UserChange;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Adds a local user, or edits one: the version read when the page opened goes along with the change, so that another
 * administrator's change meanwhile is reported instead of overwritten. The password field stays empty: filled in, it
 * sets a new password. A photo is uploaded as a file and kept until another one replaces it or it is removed.
 */
@Named
@ViewScoped
public class UserEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LocalUserService users;

    @Inject
    Administrator administrator;

    private String name;
    private long version;
    private boolean missing;
    private boolean stored;
    private String userName;
    private String displayName;
    private String title;
    private String company;
    private String department;
    private String businessPhones;
    private String email;
    private String mobile;
    private String privatePhone;
    private boolean enabled = true;
    private String password;
    /** The stored photo, kept as its parts: the view is serializable, a Photo is not. */
    private String photoType;
    private byte[] photoData;
    private boolean removePhoto;
    private transient Part photoFile;

    /** Reads the user the address names (view action, not on post-backs); a new one when it names none. */
    public void load() {
        if (name == null || name.isBlank()) {
            return;
        }
        if (UserName.problem(name).isPresent()) {
            missing = true;
            Messages.problem(null, "There is no local user " + name + ".");
            return;
        }
        try {
            show(users.get(UserName.of(name)));
        } catch (UserNotFoundException e) {
            missing = true;
            Messages.problem(null, "There is no local user " + name + " (any more): another administrator may have"
                    + " removed them.");
        }
    }

    public String save() {
        Photo newPhoto = removePhoto || photoData == null ? null : new Photo(photoType, photoData);
        if (photoFile != null && photoFile.getSize() > 0) {
            if (photoFile.getSize() > Photo.MAX_BYTES) {
                Messages.problem("user:photo", "The photo has " + photoFile.getSize() + " bytes; at most "
                        + Photo.MAX_BYTES + " travel in a vCard.");
                return null;
            }
            try (InputStream in = photoFile.getInputStream()) {
                newPhoto = new Photo(String.valueOf(photoFile.getContentType()), in.readAllBytes());
            } catch (IOException e) {
                Messages.problem("user:photo", "The photo could not be read: " + e.getMessage());
                return null;
            }
        }
        List<String> phones = businessPhones == null ? List.of()
                : Arrays.stream(businessPhones.split("[,;\\n]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        UserChange change = new UserChange(isNew() ? userName : name, new ContactCard(displayName, title, company,
                department, phones, email, mobile, privatePhone, newPhoto),
                password == null || password.isEmpty() ? null : password, enabled);
        try {
            UserSnapshot saved = isNew() ? users.create(change, administrator.getName())
                    : users.update(UserName.of(name), version, change, administrator.getName());
            Messages.done((isNew() ? "Added " : "Saved ") + saved.name() + " (" + saved.card().displayName() + ").");
        } catch (InvalidUserException e) {
            password = null;
            Messages.problems(e.problems());
            return null;
        } catch (UserConflictException e) {
            password = null;
            Messages.problem(null, "Another administrator changed " + name + " while you edited; nothing was saved."
                    + " Reload the page to start from their version.");
            return null;
        } catch (UserNotFoundException e) {
            missing = true;
            Messages.problem(null, "Another administrator removed " + name + " meanwhile; nothing was saved.");
            return null;
        }
        return "/users.xhtml?faces-redirect=true";
    }

    public String remove() {
        try {
            users.delete(UserName.of(name), administrator.getName());
            Messages.done("Removed " + name + ".");
        } catch (UserNotFoundException e) {
            Messages.done(name + " had been removed already.");
        }
        return "/users.xhtml?faces-redirect=true";
    }

    private void show(UserSnapshot user) {
        stored = true;
        version = user.version();
        userName = user.name().value();
        ContactCard card = user.card();
        displayName = card.displayName();
        title = card.title();
        company = card.company();
        department = card.department();
        businessPhones = String.join(", ", card.businessPhones());
        email = card.email();
        mobile = card.mobile();
        privatePhone = card.privatePhone();
        photoType = card.photo() == null ? null : card.photo().mediaType();
        photoData = card.photo() == null ? null : card.photo().data();
        enabled = user.enabled();
    }

    public boolean isNew() {
        return !stored;
    }

    public boolean isMissing() {
        return missing;
    }

    /** The stored photo's description, or null when there is none. */
    public String getPhotoDescription() {
        return photoData == null ? null : photoType + ", " + photoData.length + " bytes";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getBusinessPhones() {
        return businessPhones;
    }

    public void setBusinessPhones(String businessPhones) {
        this.businessPhones = businessPhones;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getPrivatePhone() {
        return privatePhone;
    }

    public void setPrivatePhone(String privatePhone) {
        this.privatePhone = privatePhone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isRemovePhoto() {
        return removePhoto;
    }

    public void setRemovePhoto(boolean removePhoto) {
        this.removePhoto = removePhoto;
    }

    public Part getPhotoFile() {
        return photoFile;
    }

    public void setPhotoFile(Part photoFile) {
        this.photoFile = photoFile;
    }
}
