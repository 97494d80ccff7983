/** What the load is sent to: Parley's engine (in this JVM or its own) or a real Prosody or ejabberd through the */
/** it module's peer harness, each counting deliveries and telling its memory. */
package dev.parley.bench.target;
