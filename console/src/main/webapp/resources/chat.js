// The chat page's script (its Content-Security-Policy allows no inline script): when Parley says over the page's
// WebSocket that something reached the user, the contacts and the conversation are fetched again and swapped in, so
// that what the user is typing stays.
"use strict";

const LIVE_PARTS = ["contacts", "conversation"];

function refreshChat() {
    fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}})
        .then(function (response) {
            return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(function (html) {
            const fresh = new DOMParser().parseFromString(html, "text/html");
            LIVE_PARTS.forEach(function (id) {
                const part = fresh.getElementById(id);
                const current = document.getElementById(id);
                if (part && current) {
                    current.replaceWith(document.importNode(part, true));
                }
            });
        });
}

function follow(page, delay) {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + window.location.host + page.getAttribute("data-events"));
    socket.onopen = function () {
        page.setAttribute("data-following", "true");
        delay = 1000;
    };
    socket.onmessage = refreshChat;
    socket.onclose = function () {
        page.removeAttribute("data-following");
        // Reconnects after a restart or a network break; a signed-out page stops once its session is gone.
        window.setTimeout(function () {
            fetch(window.location.href, {credentials: "same-origin", redirect: "manual"}).then(function (response) {
                if (response.ok) {
                    refreshChat();
                    follow(page, Math.min(delay * 2, 30000));
                }
            });
        }, delay);
    };
}

document.addEventListener("DOMContentLoaded", function () {
    const page = document.querySelector("[data-events]");
    if (page) {
        follow(page, 1000);
    }
});
