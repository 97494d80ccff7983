package dev.parley.xmpp.s2s;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@link IdleStreamCloser} asks for a quiet stream to be closed: once per quiet spell, later if excused. */
class IdleStreamCloserTest {

    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicBoolean excused = new AtomicBoolean();
    private final EmbeddedChannel channel = new EmbeddedChannel(new IdleStreamCloser(Duration.ofMinutes(10),
            quiet -> closes.incrementAndGet(), excused::get));

    @Test
    void asksOncePerQuietSpellAndAgainInTheNext() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(closes).as("an outbound stream may refuse while it waits for a receipt").hasValue(1);

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        assertThat(closes).as("a new quiet spell asks again").hasValue(2);
    }

    @Test
    void aQuietSpellWhileExcusedClosesOnceTheExcuseEnds() {
        excused.set(true);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(closes).as("we stopped reading: the quiet is ours").hasValue(0);

        excused.set(false);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(closes).hasValue(1);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(closes).hasValue(1);
    }
}
