package org.imagelabeler.platform.feature;

import java.util.List;

/**
 * What a transaction did: the ids of the inserted features, per insert action in document order,
 * and how many features were updated and deleted.
 */
public record TransactionResult(List<List<String>> insertedIds, long updated, long deleted) {

    public TransactionResult {
        insertedIds = insertedIds.stream().map(List::copyOf).toList();
    }

    public long inserted() {
        return insertedIds.stream().mapToLong(List::size).sum();
    }
}
