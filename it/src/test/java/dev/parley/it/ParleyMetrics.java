package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Parley's meters in Prometheus' format, read from the management interface's /metrics as a scraper reads them. */
final class ParleyMetrics {

    private ParleyMetrics() {
    }

    static String scrape() throws Exception {
        HttpResponse<String> response = ParleyHttp.anonymous().get(ParleyHttp.management("/metrics"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /**
     * The value of the sample {@code name} that has these labels ({@code key="value"} pairs, comma-separated; WildFly
     * adds labels of its own, such as the deployment), if the scrape has it.
     */
    static Optional<Double> sample(String scrape, String name, String labels) {
        return samples(scrape, name, labels).findFirst();
    }

    /** The sum of the samples {@code name} that have these labels, as {@link #sample}; 0 when there is none. */
    static double total(String scrape, String name, String labels) {
        return samples(scrape, name, labels).mapToDouble(Double::doubleValue).sum();
    }

    private static Stream<Double> samples(String scrape, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        return sample.results()
                .filter(found -> labels.isEmpty() || Arrays.stream(labels.split(","))
                        .allMatch((found.group(1) == null ? "" : found.group(1))::contains))
                .map(found -> Double.parseDouble(found.group(2)));
    }
}
