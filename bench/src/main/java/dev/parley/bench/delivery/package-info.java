/** The receiving side of a load run: which stanzas arrived, once and in order, and how late, */
/** recorded where they arrive (the engine's listener or a user's client stream on a peer). */
package dev.parley.bench.delivery;
