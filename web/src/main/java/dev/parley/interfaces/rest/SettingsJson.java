package dev.parley.interfaces.rest;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/**
 * The settings document of {@code /api/admin/settings}. What GET returns can be sent back by PUT:
 * the read-only fields are accepted and ignored. The proxy password is write-only. Like the other settings,
 * {@code maxLevel} (the global maximum authorization level) and {@code outboundRetryWindow} (seconds) must be given.
 */
final class SettingsJson {

    private static final Set<String> WRITABLE = Set.of("enabled", "mode", "s2sPort", "s2sBindAddress", "proxyHost",
            "proxyPort", "proxyPassword", "proxyTls", "tlsPolicy", "maxLevel", "outboundRetryWindow",
            "privateFederation");
    private static final Set<String> READ_ONLY = Set.of("proxyPasswordSet", "version", "updatedAt", "updatedBy");
    private static final String PORT_RANGE = "1 and 65535";
    private static final String RETRY_WINDOW_RANGE = "0 and " + SettingsChange.MAX_OUTBOUND_RETRY_WINDOW_SECONDS + " seconds";

    private SettingsJson() {
    }

    static JsonObject toJson(SettingsSnapshot settings) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("enabled", settings.enabled())
                .add("mode", settings.mode().name())
                .add("s2sPort", settings.s2sPort())
                .add("s2sBindAddress", settings.s2sBindAddress())
                .add("proxyHost", JsonDocuments.nullable(settings.proxyHost()))
                .add("proxyPort", settings.proxyPort())
                .add("proxyTls", settings.proxyTls())
                .add("proxyPasswordSet", settings.proxyPasswordSet())
                .add("tlsPolicy", settings.tlsPolicy().name())
                .add("maxLevel", settings.maxLevel().name())
                .add("outboundRetryWindow", settings.outboundRetryWindowSeconds())
                .add("privateFederation", settings.privateFederation())
                .add("version", settings.version());
        json.add("updatedAt", JsonDocuments.nullable(settings.updatedAt()));
        json.add("updatedBy", JsonDocuments.nullable(settings.updatedBy()));
        return json.build();
    }

    /** Reads a change, or throws with every type problem found; the domain then checks the values. */
    static SettingsChange fromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, READ_ONLY);
        SettingsChange change = new SettingsChange(
                fields.bool("enabled"),
                fields.enumeration("mode", FederationMode.class),
                fields.integer("s2sPort", PORT_RANGE),
                fields.string("s2sBindAddress"),
                fields.string("proxyHost"),
                fields.integer("proxyPort", PORT_RANGE),
                fields.string("proxyPassword"),
                fields.enumeration("tlsPolicy", TlsPolicy.class),
                fields.enumeration("maxLevel", AuthorizationLevel.class),
                fields.integer("outboundRetryWindow", RETRY_WINDOW_RANGE),
                fields.bool("proxyTls"),
                fields.bool("privateFederation"));
        fields.throwIfProblems();
        return change;
    }
}
