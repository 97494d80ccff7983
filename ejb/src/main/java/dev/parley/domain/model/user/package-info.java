/**
 * Local users: their {@link dev.parley.domain.model.user.UserName}, the
 * {@link dev.parley.domain.model.user.ContactCard} remote users may see, and
 * {@link dev.parley.domain.model.user.Disclosure}, the one place that decides how much of a card and of a presence
 * leaves Parley at each authorization level.
 */
package dev.parley.domain.model.user;
