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

// A part marked data-live="milliseconds" is fetched again from the same address and swapped in, so that the page
// follows the server without reloading; it stops when the answer is no such page (signed out, server gone).
function refreshLiveParts() {
    document.querySelectorAll("[data-live]").forEach(function (part) {
        const interval = parseInt(part.getAttribute("data-live"), 10);
        const timer = window.setInterval(function () {
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
