package dev.parley.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example file shipped to administrators cannot drift from the keys and defaults the proxy knows. */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("src/main/dist/parley-xmpp-proxy.properties.example");
    /** A key and its value, on a line of its own, commented out or not. */
    private static final Pattern SETTING = Pattern.compile("(?m)^#?([a-z0-9.-]+)=(.*)$");
    /** The keys whose commented lines show their default, as opposed to an example value. */
    private static final List<String> SHOWN_WITH_DEFAULT = List.of(Keys.LINK_BIND, Keys.LINK_PORT, Keys.S2S_BIND,
            Keys.S2S_PORT, Keys.DNS_SERVERS, Keys.HEALTH_BIND, Keys.HEALTH_PORT, Keys.LOG_FORMAT);

    @TempDir
    Path folder;

    @Test
    void explainsEveryKeyTheProxyKnowsAndNoOther() throws Exception {
        List<String> keys = SETTING.matcher(Files.readString(EXAMPLE, StandardCharsets.UTF_8)).results()
                .map(match -> match.group(1)).toList();

        assertThat(keys).containsExactlyElementsOf(Keys.ALL);
    }

    @Test
    void loadsAsShippedOnceTheLinkSecretExists() throws Exception {
        ProxyConfig shipped = loadExample(false);

        assertThat(shipped.domain()).isEqualTo("example.com");
    }

    @Test
    void showsTheDefaultsTheProxyApplies() throws Exception {
        assertThat(loadExample(true)).isEqualTo(loadExample(false));
    }

    /** The example with a link secret beside it, and with the lines showing defaults uncommented if asked. */
    private ProxyConfig loadExample(boolean uncommentDefaults) throws Exception {
        String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        if (uncommentDefaults) {
            Matcher setting = SETTING.matcher(text);
            StringBuilder uncommented = new StringBuilder();
            while (setting.find()) {
                String line = SHOWN_WITH_DEFAULT.contains(setting.group(1))
                        ? setting.group(1) + "=" + setting.group(2) : setting.group();
                setting.appendReplacement(uncommented, Matcher.quoteReplacement(line));
            }
            text = setting.appendTail(uncommented).toString();
            assertThat(text).contains("\nlink.port=5275\n");
        }
        ConfigFolder files = new ConfigFolder(folder);
        files.write("link.secret", ConfigFolder.SECRET + "\n");
        return ProxyConfig.load(files.write("example.properties", text));
    }
}
