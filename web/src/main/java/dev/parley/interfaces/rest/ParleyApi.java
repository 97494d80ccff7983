package dev.parley.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root; the resources and providers of this package are found by scanning. */
@ApplicationPath("/api")
@DeclareRoles({Roles.ADMIN, Roles.USER})
public class ParleyApi extends Application {
}
