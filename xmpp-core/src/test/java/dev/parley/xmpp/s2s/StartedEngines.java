package dev.parley.xmpp.s2s;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts engines for a test and closes every one of them after it, whether the test passed or not, so that no
 * listener outlives its test: register with {@code @RegisterExtension}.
 */
final class StartedEngines implements AfterEachCallback {

    private final List<S2sEngine> started = new ArrayList<>();

    S2sEngine start(EngineConfig config, StanzaListener listener) {
        return start(config, listener, FederationEventListener.ignoring());
    }

    S2sEngine start(EngineConfig config, StanzaListener listener, FederationEventListener events) {
        S2sEngine engine = S2sEngine.start(config, listener, events);
        started.add(engine);
        return engine;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(S2sEngine::close);
        started.clear();
    }
}
