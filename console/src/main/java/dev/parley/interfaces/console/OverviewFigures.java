package dev.parley.interfaces.console;

import dev.parley.application.FederationCounters;
import dev.parley.application.TrafficFigures;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * The home page charts' samples: Parley's meters now, as JSON ({@code at}, the stanza totals and the open sessions),
 * which {@code console.js} fetches every few seconds. Behind the console's sign-in like every page.
 */
@WebServlet("/overview-figures.json")
public class OverviewFigures extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FederationCounters counters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TrafficFigures figures = counters.figures();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("at", Instant.now().toEpochMilli())
                .add("received", figures.received())
                .add("written", figures.written())
                .add("retried", figures.retried())
                .add("bounced", figures.bounced())
                .add("inboundSessions", figures.inboundSessions())
                .add("outboundSessions", figures.outboundSessions())
                .build().toString());
    }
}
