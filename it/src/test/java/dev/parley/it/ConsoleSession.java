package dev.parley.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP with a cookie jar, as a script or an attacker's page would send requests: for the
 * security tests, which need to send what no browser page of the console would.
 */
final class ConsoleSession {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    static URI page(String page) {
        return ParleyHttp.app("/console" + page);
    }

    HttpResponse<String> get(String page) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(page(page)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String page, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(page(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the FORM login; the answer is the server's reply to {@code j_security_check}. */
    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        get("/index.xhtml");
        return post("/j_security_check", Map.of("j_username", user, "j_password", password));
    }

    /** The hidden fields of the first form of a page: its Faces view state and the form token. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
