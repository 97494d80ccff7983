package dev.parley.application;

import dev.parley.domain.model.user.UserName;

/**
 * The accounts of administrators and integrations, kept apart from local users (in the properties realm that
 * parley.cli sets up). Parley's security domain asks that realm first, so a local user of the same name could never
 * sign in: such names are refused.
 */
public interface OperatorAccounts {

    boolean has(UserName name);
}
