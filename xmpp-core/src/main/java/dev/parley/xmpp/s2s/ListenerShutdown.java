package dev.parley.xmpp.s2s;

/** User event that asks every stream handler to end its stream because the listener is closing. */
enum ListenerShutdown {
    INSTANCE
}
