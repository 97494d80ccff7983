package dev.parley.interfaces.rest;

/** The roles of Parley's security domain (ParleyDomain). */
public final class Roles {

    /** Administrators: settings, authorizations, certificates, archive. */
    public static final String ADMIN = "admin";

    /** Local users (the local_user table): their own account, contacts and messages. */
    public static final String USER = "user";

    private Roles() {
    }
}
