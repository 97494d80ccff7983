package dev.parley.application.internal;

import dev.parley.domain.model.archive.MessageArchive;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/** One batch of {@link ArchiveRetention}, in a transaction of its own. */
@Stateless
public class ArchiveRetentionBatch {

    @Inject
    MessageArchive archive;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteOlderThan(Instant cutoff, int batch) {
        return archive.deleteOlderThan(cutoff, batch);
    }
}
