package dev.parley.connector.api;

import jakarta.resource.ResourceException;
import jakarta.resource.Referenceable;
import java.io.Serializable;

/** Bound in JNDI as {@value #JNDI_NAME}; hands out connections to the S2S engine. */
public interface XmppConnectionFactory extends Serializable, Referenceable {

    String JNDI_NAME = "java:/parley/XmppConnectionFactory";

    XmppConnection getConnection() throws ResourceException;
}
