package dev.parley.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The administrator signed in to the console: the name every change is recorded with, and signing out. */
@Named
@RequestScoped
public class Administrator {

    /** The signed-in administrator's name, as changes are recorded with it. */
    public String getName() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/index.xhtml?faces-redirect=true";
    }
}
