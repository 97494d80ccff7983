// The console's only script (its Content-Security-Policy allows no inline script): Default buttons, the
// direct/proxy switch of the settings form, confirmations, and the pages that refresh themselves.
"use strict";

document.addEventListener("click", function (event) {
    const target = event.target;
    if (!(target instanceof Element)) {
        return;
    }
    const defaultFor = target.getAttribute("data-default-for");
    if (defaultFor) {
        const field = document.getElementById(defaultFor);
        if (field) {
            field.value = target.getAttribute("data-default");
            field.dispatchEvent(new Event("change", {bubbles: true}));
        }
        return;
    }
    const question = target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

// Shows only the fields of the chosen mode, and any field with a problem to fix; without this script both sets
// stay visible (both are saved either way).
function showChosenMode() {
    const chosen = document.querySelector("input[name='settings:mode']:checked");
    if (!chosen) {
        return;
    }
    document.querySelectorAll(".mode-direct").forEach(function (part) {
        part.hidden = chosen.value !== "DIRECT" && !part.querySelector(".error");
    });
    document.querySelectorAll(".mode-proxy").forEach(function (part) {
        part.hidden = chosen.value !== "PROXY" && !part.querySelector(".error");
    });
}

document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.name === "settings:mode") {
        showChosenMode();
    }
});

// Pages follow the server for an hour at most, and not while hidden: every fetch keeps the session alive, and an
// unattended console should still be signed out when its session times out.
const FOLLOW_FOR_MILLISECONDS = 60 * 60 * 1000;

function stillFollowing(since) {
    return Date.now() - since < FOLLOW_FOR_MILLISECONDS;
}

// A part marked data-live="milliseconds" is fetched again from the same address and swapped in, so that the page
// follows the server without reloading; it stops when the answer is no such page (signed out, server gone).
function refreshLiveParts() {
    document.querySelectorAll("[data-live]").forEach(function (part) {
        const interval = parseInt(part.getAttribute("data-live"), 10);
        const since = Date.now();
        const timer = window.setInterval(function () {
            if (!stillFollowing(since)) {
                window.clearInterval(timer);
                return;
            }
            if (document.hidden) {
                return;
            }
            fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}})
                .then(function (response) {
                    return response.ok ? response.text() : Promise.reject(response.status);
                })
                .then(function (html) {
                    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById(part.id);
                    const current = document.getElementById(part.id);
                    if (!fresh || !current) {
                        window.clearInterval(timer);
                        return;
                    }
                    current.replaceWith(document.importNode(fresh, true));
                })
                .catch(function () {
                    window.clearInterval(timer);
                });
        }, interval);
    });
}

document.addEventListener("DOMContentLoaded", function () {
    showChosenMode();
    refreshLiveParts();
});

// The home page's charts: samples of overview-figures.json (totals since the server started and the sessions open
// now), the last ten minutes of them drawn as lines; stanza totals become rates per minute between two samples.
const CHART_SAMPLES = 120;

function drawLine(svg, className, values, max) {
    const line = svg.querySelector("polyline." + className);
    const width = 300;
    const height = 80;
    const step = width / (CHART_SAMPLES - 1);
    const offset = CHART_SAMPLES - values.length;
    line.setAttribute("points", values.map(function (value, index) {
        const x = (offset + index) * step;
        const y = height - 2 - (max === 0 ? 0 : (value / max) * (height - 4));
        return x.toFixed(1) + "," + y.toFixed(1);
    }).join(" "));
}

function startCharts(section) {
    const samples = [];
    const interval = parseInt(section.getAttribute("data-interval"), 10);
    const since = Date.now();
    function sample() {
        if (!stillFollowing(since)) {
            window.clearInterval(timer);
            return;
        }
        if (document.hidden) {
            return;
        }
        fetch(section.getAttribute("data-figures"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) {
                return response.ok ? response.json() : Promise.reject(response.status);
            })
            .then(function (figures) {
                samples.push(figures);
                if (samples.length > CHART_SAMPLES + 1) {
                    samples.shift();
                }
                draw();
            })
            .catch(function () {
                window.clearInterval(timer);
            });
    }
    function perMinute(key) {
        const rates = [];
        for (let i = 1; i < samples.length; i++) {
            const minutes = (samples[i].at - samples[i - 1].at) / 60000;
            rates.push(minutes > 0 ? Math.max(0, samples[i][key] - samples[i - 1][key]) / minutes : 0);
        }
        return rates;
    }
    function draw() {
        const recent = samples.slice(-CHART_SAMPLES);
        const inbound = recent.map(function (s) { return s.inboundSessions; });
        const outbound = recent.map(function (s) { return s.outboundSessions; });
        const sessionsMax = Math.max(1, ...inbound, ...outbound);
        const sessions = document.getElementById("chart-sessions");
        drawLine(sessions, "inbound", inbound, sessionsMax);
        drawLine(sessions, "outbound", outbound, sessionsMax);
        const received = perMinute("received");
        const written = perMinute("written");
        const bounced = perMinute("bounced");
        const stanzasMax = Math.max(1, ...received, ...written, ...bounced);
        const stanzas = document.getElementById("chart-stanzas");
        drawLine(stanzas, "received", received, stanzasMax);
        drawLine(stanzas, "written", written, stanzasMax);
        drawLine(stanzas, "bounced", bounced, stanzasMax);
        const last = samples[samples.length - 1];
        document.getElementById("chart-scale").textContent = "Up to " + sessionsMax + " sessions and "
            + Math.round(stanzasMax) + " stanzas a minute shown; since the server started: " + last.received
            + " received, " + last.written + " sent, " + last.bounced + " bounced.";
    }
    sample();
    const timer = window.setInterval(sample, interval);
}

document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-figures]").forEach(startCharts);
});
