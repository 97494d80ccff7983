package dev.parley.xmpp.s2s;

/** Who opened an S2S stream: a remote server ({@code INBOUND}) or this one ({@code OUTBOUND}). */
public enum SessionDirection {
    INBOUND, OUTBOUND
}
