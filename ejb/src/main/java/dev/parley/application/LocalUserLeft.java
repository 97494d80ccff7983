package dev.parley.application;

import dev.parley.domain.model.user.UserName;

/**
 * A local user stopped being reachable: disabled, or removed. A CDI event fired in the transaction of the change, so
 * that what depended on the user ends with it (their contacts are told, their history goes with a removed user).
 *
 * @param removed whether the user is gone for good, not merely disabled
 */
public record LocalUserLeft(UserName user, boolean removed) {
}
